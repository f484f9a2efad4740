package dev.accords.feed;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.audit.PrivateChanges;
import dev.accords.provenance.Source;

/**
 * One event of the change feed: an agreement's audit-trail event, plus the agreement it belongs to
 * and its feed {@code cursor} (resume after this event; also its SSE id).
 */
public record FeedEvent(String cursor, long sequence, UUID agreementId, Instant occurredAt, String actor,
                        EventKind kind, EventTarget targetType, UUID targetId, Map<String, Object> changes,
                        Source source, @JsonIgnore PrivateChanges privatePart) {

    /**
     * The event as this reader sees it: its private part merged into {@code changes} when the reader
     * may read that party's notes, and dropped in any case. Webhook payloads use the event as read,
     * whose private part is never serialized.
     */
    public FeedEvent readableBy(Predicate<String> mayReadNotesOf) {
        if (privatePart == null) {
            return this;
        }
        return new FeedEvent(cursor, sequence, agreementId, occurredAt, actor, kind, targetType, targetId,
                PrivateChanges.visible(changes, privatePart, mayReadNotesOf), source, null);
    }
}
