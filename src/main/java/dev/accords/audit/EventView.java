package dev.accords.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of an agreement's audit trail: when, who, what kind, on what, and the fields changed. */
public record EventView(long sequence, Instant occurredAt, String actor, EventKind kind, EventTarget targetType,
                        UUID targetId, Map<String, Object> changes) {
}
