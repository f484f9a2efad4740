package dev.accords.clause;

import java.time.Instant;

/** A party's stance on a clause; {@code updatedAt} is null while the party has taken none. */
public record PositionView(String partyCode, Stance stance, String note, Instant updatedAt) {
}
