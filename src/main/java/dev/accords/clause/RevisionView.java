package dev.accords.clause;

import java.time.Instant;
import java.util.List;

import dev.accords.provenance.Source;

/** One immutable revision: what changed, when, on what source, and the clause's values after the change. */
public record RevisionView(int number, Instant createdAt, List<String> changes, Source source, String title,
                           String text, ClauseStatus status, String statusReason, List<PositionView> positions) {
}
