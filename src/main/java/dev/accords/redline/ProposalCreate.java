package dev.accords.redline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.agreement.Party;
import dev.accords.provenance.Source;

/**
 * The body of a proposal: the whole new text (bounded like a clause's), the clause revision it is
 * based on, and the party proposing it (which a token bound to exactly one party may leave out).
 */
public record ProposalCreate(
        @NotNull @Size(max = 20000) String text,
        @NotNull @Min(1) @Max(Integer.MAX_VALUE) Integer basedOnRevision,
        @Pattern(regexp = Party.CODE_PATTERN, message = "must be a party code") String partyCode,
        @Valid Source source) {
}
