package dev.accords.agreement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.provenance.Source;

/**
 * The body of {@code POST /v1/agreements}. {@code status} may start at DRAFT (default) or NEGOTIATING.
 * {@code entryIntoForceDays} goes with the rule DAYS_AFTER_LAST_NOTIFICATION and only with it.
 */
public record AgreementCreate(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        @NotNull @Size(min = 2, max = 20) List<@NotNull @Valid Party> parties,
        @Size(max = 20) List<@NotNull @Size(max = 40) @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> tags,
        AgreementStatus status,
        LocalDate plannedSigningDate,
        @Size(max = 200) String signingPlace,
        EntryIntoForceRule entryIntoForceRule,
        @Min(1) @Max(3650) Integer entryIntoForceDays,
        @Valid Source source) {
}
