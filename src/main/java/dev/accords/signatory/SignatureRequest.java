package dev.accords.signatory;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST .../signature}: where the signatory signed. */
public record SignatureRequest(@Size(max = 200) String signedPlace) {
}
