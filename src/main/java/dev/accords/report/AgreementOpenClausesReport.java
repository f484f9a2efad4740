package dev.accords.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.accords.agreement.AgreementStatus;

/** "What is still open, and who is holding it up?" for one agreement. */
public record AgreementOpenClausesReport(
        UUID agreementId,
        String title,
        AgreementStatus status,
        boolean signable,
        OpenClauseTotals totals,
        OpenClauseCounts counts,
        List<OpenClause> openClauses,
        Instant generatedAt) {
}
