package dev.accords.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.agreement.AgreementStatus;
import dev.accords.clause.ClauseStatus;
import dev.accords.problem.ApiException;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.problem.ProblemCode;
import dev.accords.paging.Timestamps;

/** Answers "which clauses are still open, and who is holding them up?". */
@ApplicationScoped
public class OpenClauseReportService {

    static final String ORDERING = "urgency";

    @Inject
    OpenClauseQueries queries;

    /**
     * One snapshot: the transaction is read-only and REPEATABLE READ, so the header, the list and,
     * for a cut list, the counts all see the same committed state (READ COMMITTED, the default, gives
     * each statement its own). Setting that costs a statement, so the header and the list come from
     * one: two statements in all, as when they were read apart.
     *
     * <p>When the list holds every open clause (fewer than {@link OpenClauseQueries#MAX_LISTED}), the
     * totals and counts are tallied from it, which carries every field they count: a further statement
     * would compute each clause's awaited parties all over again (bench/RESULTS.md). Only a longer,
     * cut list needs the counting statement.
     */
    @Transactional
    public AgreementOpenClausesReport forAgreement(UUID agreementId) {
        queries.readOneSnapshot();
        OpenClauseQueries.AgreementOpenClauses header = queries.agreementWithOpenClauses(agreementId)
                .orElseThrow(() -> new ApiException(ProblemCode.AGREEMENT_NOT_FOUND, "no agreement with id " + agreementId));
        List<OpenClause> open = header.openClauses();
        Map<String, Map<String, Integer>> counts = open.size() < OpenClauseQueries.MAX_LISTED
                ? tally(open) : queries.counts(agreementId);
        Map<String, Integer> byStatus = counts.get("status");
        int blocking = byStatus.getOrDefault(ClauseStatus.PROPOSED.name(), 0)
                + byStatus.getOrDefault(ClauseStatus.UNDER_NEGOTIATION.name(), 0);
        int deferred = byStatus.getOrDefault(ClauseStatus.DEFERRED.name(), 0);
        OpenClauseTotals totals = new OpenClauseTotals(blocking + deferred, blocking, deferred);
        boolean signable = blocking == 0 && header.signatories() > 0;
        return new AgreementOpenClausesReport(agreementId, header.title(), AgreementStatus.valueOf(header.status()),
                signable, totals, new OpenClauseCounts(counts.get("topic"), counts.get("priority"), counts.get("party")),
                open, Timestamps.now());
    }

    /** The same dimensions as {@link OpenClauseQueries#counts}, counted from a complete list. */
    private static Map<String, Map<String, Integer>> tally(List<OpenClause> open) {
        Map<String, Map<String, Integer>> counts = OpenClauseQueries.emptyCounts();
        for (OpenClause clause : open) {
            counts.get("status").merge(clause.status().name(), 1, Integer::sum);
            if (clause.topic() != null) {
                counts.get("topic").merge(clause.topic(), 1, Integer::sum);
            }
            counts.get("priority").merge(clause.priority().name(), 1, Integer::sum);
            for (String party : clause.awaiting()) {
                counts.get("party").merge(party, 1, Integer::sum);
            }
        }
        return counts;
    }

    @Transactional
    public GlobalOpenClausePage across(GlobalOpenClauseQuery query) {
        Slice<OpenClauseQueries.GlobalRow> page = Slice.of(queries.globalPage(query), query.limit(), last ->
                PageCursor.after(ORDERING, last.clause().id(), last.priorityRank(), last.clause().openSince()));
        return new GlobalOpenClausePage(page.map(OpenClauseQueries.GlobalRow::clause), page.nextCursor());
    }
}
