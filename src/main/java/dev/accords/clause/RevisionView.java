package dev.accords.clause;

import java.time.Instant;
import java.util.List;

/** One immutable revision: what changed, when, and the clause's values after the change. */
public record RevisionView(int number, Instant createdAt, List<String> changes, String title, String text,
                           ClauseStatus status, String statusReason, List<PositionView> positions) {
}
