package dev.accords.feed;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;

/**
 * One event of the change feed: an agreement's audit-trail event, plus the agreement it belongs to
 * and its feed {@code cursor} (resume after this event; also its SSE id).
 */
public record FeedEvent(String cursor, long sequence, UUID agreementId, Instant occurredAt, String actor,
                        EventKind kind, EventTarget targetType, UUID targetId, Map<String, Object> changes) {
}
