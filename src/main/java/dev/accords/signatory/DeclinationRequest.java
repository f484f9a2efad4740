package dev.accords.signatory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.accords.provenance.Source;

/** The body of {@code POST .../declination}: why the signatory will not sign. */
public record DeclinationRequest(@NotBlank @Size(max = 2000) String reason, @Valid Source source) {
}
