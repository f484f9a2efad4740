package dev.accords.clause;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A clause as the API returns it: one position per party of the agreement, in party order. */
public record ClauseView(
        UUID id,
        UUID agreementId,
        String reference,
        String title,
        String text,
        String topic,
        ClauseStatus status,
        String statusReason,
        ClausePriority priority,
        String proposedBy,
        List<PositionView> positions,
        Instant openSince,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ClauseView of(Clause c, List<String> partyCodes) {
        return new ClauseView(c.id, c.agreementId, c.reference, c.title, c.text, c.topic, c.status, c.statusReason,
                c.priority, c.proposedBy, positions(c, partyCodes), c.openSince, c.createdAt, c.updatedAt, c.version);
    }

    static List<PositionView> positions(Clause c, List<String> partyCodes) {
        return partyCodes.stream()
                .map(code -> c.position(code)
                        .map(p -> new PositionView(code, p.stance, p.note, p.updatedAt))
                        .orElse(new PositionView(code, Stance.NO_POSITION, null, null)))
                .toList();
    }
}
