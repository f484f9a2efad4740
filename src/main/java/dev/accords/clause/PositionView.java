package dev.accords.clause;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** A party's stance on a clause; {@code updatedAt} is null while the party has taken none. */
public record PositionView(String partyCode, Stance stance, String note, Instant updatedAt) {

    /**
     * The positions as a reader sees them. A note is private to its party: its members and admins
     * read it; for everyone else it is null, as if none were written.
     */
    static List<PositionView> readableBy(List<PositionView> positions, Predicate<String> mayReadNotesOf) {
        return positions.stream()
                .map(p -> p.note() == null || mayReadNotesOf.test(p.partyCode()) ? p
                        : new PositionView(p.partyCode(), p.stance(), null, p.updatedAt()))
                .toList();
    }
}
