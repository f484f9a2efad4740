package dev.accords.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;
import dev.accords.provenance.Confidence;

/**
 * An open clause in a report: how long it has been open, which parties have not accepted it, how many
 * redline proposals of its text are open, and the weakest confidence of its facts (its status and
 * positions; null when one of them cites no source).
 */
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
        int openProposals,
        Confidence weakestConfidence) {
}
