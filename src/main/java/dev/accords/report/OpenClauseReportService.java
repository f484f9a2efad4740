package dev.accords.report;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.accords.agreement.AgreementRepository;
import dev.accords.agreement.AgreementStatus;
import dev.accords.database.StaleConnectionRetry;
import dev.accords.database.StatelessReads;
import dev.accords.clause.ClauseStatus;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.paging.Timestamps;
import dev.accords.provenance.Confidence;

/** Answers "which clauses are still open, and who is holding them up?". */
@ApplicationScoped
public class OpenClauseReportService {

    static final String ORDERING = "urgency";

    @Inject
    OpenClauseQueries queries;
    @Inject
    StatelessReads reads;
    @Inject
    StaleConnectionRetry retry;
    @Inject
    EntityManager em;

    /**
     * One snapshot. The header and the list come from one statement, which sees one committed state,
     * and when the list holds every open clause (fewer than {@link OpenClauseQueries#MAX_LISTED}) the
     * totals and counts are tallied from it, which carries every field they count: so nearly every
     * report is that one statement, read without a transaction ({@link StatelessReads}).
     *
     * <p>A cut list needs a second statement for the counts, and both must see the same state: that
     * rare report is read again in a read-only REPEATABLE READ transaction (READ COMMITTED, the
     * default, gives each statement its own snapshot).
     */
    public AgreementOpenClausesReport forAgreement(UUID agreementId, Confidence confidence) {
        OpenClauseQueries.AgreementOpenClauses header = reads.read(session -> queries.agreementWithOpenClauses(session,
                        agreementId, confidence))
                .orElseThrow(() -> AgreementRepository.notFound(agreementId));
        // A filtered list does not hold every open clause, so it cannot be tallied: the counts are read.
        if (confidence == null && header.openClauses().size() < OpenClauseQueries.MAX_LISTED) {
            return report(agreementId, header, tally(header.openClauses()));
        }
        return retry.get(() -> QuarkusTransaction.requiringNew().call(() -> {
            Session session = em.unwrap(Session.class);
            queries.readOneSnapshot(session);
            OpenClauseQueries.AgreementOpenClauses again = queries.agreementWithOpenClauses(session, agreementId, confidence)
                    .orElseThrow(() -> AgreementRepository.notFound(agreementId));
            return report(agreementId, again, queries.counts(session, agreementId));
        }));
    }

    private static AgreementOpenClausesReport report(UUID agreementId, OpenClauseQueries.AgreementOpenClauses header,
                                                     Map<String, Map<String, Integer>> counts) {
        List<OpenClause> open = header.openClauses();
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

    /** One statement, so no transaction: see {@link StatelessReads}. */
    public GlobalOpenClausePage across(GlobalOpenClauseQuery query) {
        Slice<OpenClauseQueries.GlobalRow> page = Slice.of(reads.read(session -> queries.globalPage(session, query)), query.limit(), last ->
                PageCursor.after(ORDERING, last.clause().id(), last.priorityRank(), last.clause().openSince()));
        return new GlobalOpenClausePage(page.map(OpenClauseQueries.GlobalRow::clause), page.nextCursor());
    }
}
