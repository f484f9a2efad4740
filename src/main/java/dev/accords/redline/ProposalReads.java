package dev.accords.redline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;

import org.hibernate.StatelessSession;

import dev.accords.agreement.AgreementRepository;
import dev.accords.clause.ClauseRepository;
import dev.accords.paging.PageCursor;

/**
 * Reads proposals straight into {@link ProposalView}, each in one statement that starts from the
 * agreement row (see {@code dev.accords.database.StatelessReads}): no row means no such agreement,
 * a row without a clause id no such clause in it, a row without a proposal id no proposal (that
 * matches). The clause's current revision comes along, for {@code outdated}.
 */
final class ProposalReads {

    static final String ORDERING = "proposal.createdAt";

    private static final String SELECT = """
            select c.id as clause_id, c.last_revision, p.id, p.party_code, p.text, p.based_on_revision, p.status,
              p.author, p.created_at, p.decided_at, p.decided_by, p.reason, p.accepted_revision, p.version
            from agreements a
            left join clauses c on c.agreement_id = a.id and c.id = :clause
            left join lateral (
              select * from clause_proposals p where p.clause_id = c.id%s
              order by p.created_at, p.id limit :rows) p on true
            where a.id = :agreement
            order by p.created_at, p.id""";

    private ProposalReads() {
    }

    /** The query's proposals, at most {@code limit + 1} in list order, for {@link dev.accords.paging.Slice}. */
    static List<ProposalView> page(StatelessSession session, UUID agreementId, UUID clauseId, ProposalStatus status,
                                   PageCursor after, int limit) {
        StringBuilder filters = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            filters.append(" and p.status = :status");
            params.put("status", status.name());
        }
        if (after != null) {
            filters.append(" and (p.created_at, p.id) > (:afterValue, :afterId)");
            params.put("afterValue", after.instantValue());
            params.put("afterId", after.id());
        }
        TypedQuery<Tuple> select = session.createNativeQuery(SELECT.formatted(filters), Tuple.class)
                .setParameter("agreement", agreementId).setParameter("clause", clauseId)
                .setParameter("rows", limit + 1);
        params.forEach(select::setParameter);
        return views(agreementId, clauseId, select.getResultList());
    }

    static ProposalView byId(StatelessSession session, UUID agreementId, UUID clauseId, UUID proposalId) {
        List<Tuple> rows = session.createNativeQuery(SELECT.formatted(" and p.id = :proposal"), Tuple.class)
                .setParameter("agreement", agreementId).setParameter("clause", clauseId)
                .setParameter("proposal", proposalId).setParameter("rows", 1).getResultList();
        List<ProposalView> found = views(agreementId, clauseId, rows);
        if (found.isEmpty()) {
            throw ProposalRepository.notFound(proposalId);
        }
        return found.get(0);
    }

    private static List<ProposalView> views(UUID agreementId, UUID clauseId, List<Tuple> rows) {
        if (rows.isEmpty()) {
            throw AgreementRepository.notFound(agreementId);
        }
        if (rows.get(0).get("clause_id") == null) {
            throw ClauseRepository.notFound(clauseId);
        }
        int clauseRevision = rows.get(0).get("last_revision", Number.class).intValue();
        List<ProposalView> views = new ArrayList<>(rows.size());
        for (Tuple row : rows) {
            if (row.get("id") == null) {
                continue;
            }
            int basedOn = row.get("based_on_revision", Number.class).intValue();
            ProposalStatus status = ProposalStatus.valueOf(row.get("status", String.class));
            Number accepted = row.get("accepted_revision", Number.class);
            views.add(new ProposalView(row.get("id", UUID.class), agreementId, clauseId,
                    row.get("party_code", String.class), row.get("text", String.class), basedOn, status,
                    status == ProposalStatus.OPEN && basedOn != clauseRevision, row.get("author", String.class),
                    row.get("created_at", Instant.class), row.get("decided_at", Instant.class),
                    row.get("decided_by", String.class), row.get("reason", String.class),
                    accepted == null ? null : accepted.intValue(), row.get("version", Number.class).longValue()));
        }
        return views;
    }
}
