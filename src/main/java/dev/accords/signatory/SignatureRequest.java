package dev.accords.signatory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.accords.provenance.Source;

/** The optional body of {@code POST .../signature}: where the signatory signed. */
public record SignatureRequest(@Size(max = 200) String signedPlace, @Valid Source source) {
}
