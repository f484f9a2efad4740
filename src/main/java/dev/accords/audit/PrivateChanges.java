package dev.accords.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The part of an event only one party's members (and admins) may read, such as a position's note.
 * It is stored apart from the event's public changes, so a read path that forgets to check who is
 * reading shows too little, never too much.
 */
public record PrivateChanges(String partyCode, Map<String, ?> changes) {

    /**
     * The changes a reader sees: the public ones, with this private part merged in when the reader
     * may read the party's notes. {@code privatePart} may be null (most events have none).
     */
    public static Map<String, Object> visible(Map<String, Object> changes, PrivateChanges privatePart,
                                              Predicate<String> mayReadNotesOf) {
        if (privatePart == null || !mayReadNotesOf.test(privatePart.partyCode())) {
            return changes;
        }
        Map<String, Object> merged = new LinkedHashMap<>(changes);
        merged.putAll(privatePart.changes());
        return merged;
    }
}
