package dev.accords.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;
import dev.accords.provenance.Confidence;

/** An open clause of any agreement still in play, with the agreement it belongs to. */
public record GlobalOpenClause(
        UUID agreementId,
        String agreementTitle,
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
