package dev.accords.clause;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import dev.accords.provenance.Source;

/**
 * A party's stance on a clause; {@code updatedAt} is null while the party has taken none, and
 * {@code source} is what the change that set it cited (null: nothing).
 */
public record PositionView(String partyCode, Stance stance, String note, Source source, Instant updatedAt) {

    /**
     * The positions as a reader sees them. A note is private to its party: its members and admins
     * read it; for everyone else it is null, as if none were written.
     */
    static List<PositionView> readableBy(List<PositionView> positions, Predicate<String> mayReadNotesOf) {
        return positions.stream()
                .map(p -> p.note() == null || mayReadNotesOf.test(p.partyCode()) ? p
                        : new PositionView(p.partyCode(), p.stance(), null, p.source(), p.updatedAt()))
                .toList();
    }
}
