package dev.accords.clause;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.agreement.Party;
import dev.accords.agreement.Tags;
import dev.accords.provenance.Source;

/**
 * A JSON Merge Patch (RFC 7396) of a clause, shaped as {@link dev.accords.agreement.AgreementPatch}
 * explains: each field is absent (Java null, leave it), JSON null ({@code Optional.empty()}, remove
 * it) or a value (set it).
 */
public class ClausePatch {
    public Optional<@NotBlank @Size(max = 20) String> reference;
    public Optional<@NotBlank @Size(max = 200) String> title;
    public Optional<@Size(max = 20000) String> text;
    public Optional<@Size(max = 40) @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String> topic;
    public Optional<@NotNull ClauseStatus> status;
    public Optional<@Size(max = 2000) String> statusReason;
    public Optional<@NotNull ClausePriority> priority;
    public Optional<@Pattern(regexp = Party.CODE_PATTERN, message = "must be a party code") String> proposedBy;
    /** Not a field of the clause: the source this change cites (null or absent: none). */
    public Optional<@Valid Source> source;
}
