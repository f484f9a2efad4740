package dev.accords.signatory;

import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.accords.agreement.Party;
import dev.accords.provenance.Source;

/**
 * A JSON Merge Patch (RFC 7396) of a signatory, shaped as {@link dev.accords.agreement.AgreementPatch}
 * explains: each field is absent (Java null, leave it), JSON null ({@code Optional.empty()}, remove
 * it) or a value (set it). Status is not patched: it moves only through the signature and
 * declination actions.
 */
public class SignatoryPatch {
    public Optional<@NotBlank @Size(max = 200) String> name;
    public Optional<@Size(max = 200) String> role;
    public Optional<@NotNull @Pattern(regexp = Party.CODE_PATTERN, message = SignatoryCreate.CODE_MESSAGE) String> partyCode;
    public Optional<@Min(1) Integer> signingOrder;
    public Optional<@Size(min = 1, max = 200) String> principal;
    /** Not a field of the signatory: the source this change cites (null or absent: none). */
    public Optional<@Valid Source> source;
}
