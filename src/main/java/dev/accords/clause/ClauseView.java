package dev.accords.clause;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import dev.accords.provenance.Source;
import dev.accords.provenance.SourceJson;

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
        Source statusSource,
        ClausePriority priority,
        String proposedBy,
        List<PositionView> positions,
        Instant openSince,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static ClauseView of(Clause c, List<String> partyCodes) {
        return new ClauseView(c.id, c.agreementId, c.reference, c.title, c.text, c.topic, c.status, c.statusReason,
                SourceJson.read(c.statusSource), c.priority, c.proposedBy, positions(c, partyCodes), c.openSince, c.createdAt, c.updatedAt, c.version);
    }

    /** This clause as a reader sees it: the notes of parties it may not read are null. */
    public ClauseView withNotesReadableBy(Predicate<String> mayReadNotesOf) {
        return new ClauseView(id, agreementId, reference, title, text, topic, status, statusReason, statusSource,
                priority, proposedBy,
                PositionView.readableBy(positions, mayReadNotesOf), openSince, createdAt, updatedAt, version);
    }

    static List<PositionView> positions(Clause c, List<String> partyCodes) {
        Map<String, PositionView> taken = new HashMap<>();
        c.positions.forEach(p -> taken.put(p.id.partyCode, new PositionView(p.id.partyCode, p.stance, p.note, SourceJson.read(p.source), p.updatedAt)));
        return positions(partyCodes, taken);
    }

    /** One position per party, in party order: a party that took no stance holds NO_POSITION. */
    static List<PositionView> positions(List<String> partyCodes, Map<String, PositionView> taken) {
        return partyCodes.stream()
                .map(code -> taken.getOrDefault(code, new PositionView(code, Stance.NO_POSITION, null, null, null)))
                .toList();
    }
}
