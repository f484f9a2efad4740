package dev.accords.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;

/** An open clause in a report: how long it has been open, which parties have not accepted it, and how many redline proposals of its text are open. */
public record OpenClause(
        UUID id,
        String reference,
        String title,
        String topic,
        ClauseStatus status,
        ClausePriority priority,
        String proposedBy,
        boolean blocking,
        Instant openSince,
        int daysOpen,
        List<String> awaiting,
        int openProposals) {
}
