package dev.accords.ratification;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.agreement.Party;

/**
 * The body of {@code POST /v1/agreements/{agreementId}/instruments}. The service checks what needs the
 * agreement: the party, the date against the signature and today, the clauses of the statements.
 */
public record InstrumentCreate(
        @NotNull @Pattern(regexp = Party.CODE_PATTERN, message = "must be a party code: 2 to 10 characters of A-Z, 0-9 and -")
        String partyCode,
        @NotNull InstrumentKind kind,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 200) String body,
        @NotBlank @Size(max = 200) String reference,
        @Size(max = 20) List<@NotNull @Valid InstrumentStatement> statements) {
}
