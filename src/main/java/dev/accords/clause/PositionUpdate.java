package dev.accords.clause;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.accords.provenance.Source;

/** The body of {@code PUT .../positions/{partyCode}}: the party's whole position. */
public record PositionUpdate(@NotNull Stance stance, @Size(max = 2000) String note, @Valid Source source) {
}
