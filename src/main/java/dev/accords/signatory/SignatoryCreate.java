package dev.accords.signatory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.agreement.Party;
import dev.accords.provenance.Source;

/**
 * The body of {@code POST /v1/agreements/{agreementId}/signatories}. A new signatory is PENDING;
 * {@code partyCode} must also be a party of the agreement, which the service checks.
 */
public record SignatoryCreate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String role,
        @NotNull @Pattern(regexp = Party.CODE_PATTERN, message = SignatoryCreate.CODE_MESSAGE) String partyCode,
        @Min(1) Integer signingOrder,
        @Size(min = 1, max = 200) String principal,
        @Valid Source source) {

    static final String CODE_MESSAGE = "must be a party code: 2 to 10 characters of A-Z, 0-9 and -";
}
