package dev.accords.agreement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A party to an agreement as the API shows and takes it: {@code {"code": "UA", "name": "Ukraine"}}. */
public record Party(
        @NotNull @Pattern(regexp = CODE_PATTERN, message = "must be 2 to 10 characters of A-Z, 0-9 and -") String code,
        @NotBlank @Size(max = 200) String name) {

    public static final String CODE_PATTERN = "^[A-Z0-9-]{2,10}$";
}
