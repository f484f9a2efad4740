package dev.accords.clause;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.agreement.Party;
import dev.accords.agreement.Tags;
import dev.accords.provenance.Source;

/** The body of a clause creation. Status defaults to PROPOSED and priority to NORMAL. */
public record ClauseCreate(
        @NotBlank @Size(max = 20) String reference,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20000) String text,
        @Size(max = 40) @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String topic,
        ClauseStatus status,
        @Size(max = 2000) String statusReason,
        ClausePriority priority,
        @Pattern(regexp = Party.CODE_PATTERN, message = "must be a party code") String proposedBy,
        @Valid Source source) {
}
