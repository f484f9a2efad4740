package dev.accords.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.accords.provenance.Source;

/** One entry of an agreement's audit trail: when, who, what kind, on what, the fields changed, and the source cited. */
public record EventView(long sequence, Instant occurredAt, String actor, EventKind kind, EventTarget targetType,
                        UUID targetId, Map<String, Object> changes, Source source) {
}
