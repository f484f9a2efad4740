package dev.accords.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.provenance.Source;

/**
 * A JSON Merge Patch (RFC 7396) of an agreement. Each field is three-valued: absent (Java null,
 * leave it), JSON null ({@code Optional.empty()}, remove it) or a value (set it). The service reads
 * the fields directly and applies each with {@link dev.accords.http.MergePatch}. The documents are
 * flat and arrays are replaced whole, which is exactly RFC 7396's semantics for them.
 *
 * <p>All three patches (this one, ClausePatch, SignatoryPatch) have this shape. A class with public
 * fields rather than a record: Jackson hands a record's constructor an empty Optional for an absent
 * property, which would erase the difference between absent and null.
 */
public class AgreementPatch {
    public Optional<@NotBlank @Size(max = 200) String> title;
    public Optional<@Size(max = 4000) String> summary;
    public Optional<@NotNull @Size(min = 2, max = 20) List<@NotNull @Valid Party>> parties;
    // No @NotNull on the list: JSON null removes every tag (openapi.yaml: AgreementPatch.tags).
    public Optional<@Size(max = 20) List<@NotNull @Size(max = 40) @Pattern(regexp = Tags.PATTERN, message = Tags.MESSAGE) String>> tags;
    public Optional<@NotNull AgreementStatus> status;
    public Optional<LocalDate> plannedSigningDate;
    public Optional<@Size(max = 200) String> signingPlace;
    // Checked together after the patch applies: the days go with the DAYS rule and only with it.
    public Optional<EntryIntoForceRule> entryIntoForceRule;
    public Optional<@Min(1) @Max(3650) Integer> entryIntoForceDays;
    /** Not a field of the agreement: the source this change cites (null or absent: none). */
    public Optional<@Valid Source> source;
}
