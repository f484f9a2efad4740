package dev.accords.agreement;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.Locking;
import jakarta.persistence.Tuple;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /** Reads an agreement or answers 404 AGREEMENT_NOT_FOUND. */
    public Agreement require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Locks the agreement row for an agreement-level change (status, parties, delete). Clause and
     * signatory changes take {@link #requireShared} on the same row, so an agreement change and a
     * child change never interleave: finalization cannot miss a clause being reopened, a party
     * cannot be dropped while a clause starts to reference it.
     */
    public Agreement requireForUpdate(UUID id) {
        return lockedWithParties(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Shares the agreement row lock for a change to one of its clauses or signatories.
     */
    public Agreement requireShared(UUID id) {
        return lockedWithParties(id, LockModeType.PESSIMISTIC_READ);
    }

    /**
     * The agreement row locked, with its parties read in the same statement (a fetch join): every
     * change shows or checks the parties, which would otherwise cost a second round trip. Only the
     * agreement row is locked ({@code for share of a} / {@code for no key update of a}); see
     * {@code dev.accords.database.AccordsPostgreSQLDialect} for why the outer join may be locked at all.
     */
    private Agreement lockedWithParties(UUID id, LockModeType lock) {
        return getSession().createSelectionQuery("from Agreement a left join fetch a.parties where a.id = :id", Agreement.class)
                .setParameter("id", id).setLockMode(lock).setLockScope(Locking.Scope.ROOT_ONLY)
                .setFollowOnStrategy(Locking.FollowOn.DISALLOW).uniqueResultOptional().orElseThrow(() -> notFound(id));
    }

    public List<Agreement> page(AgreementQuery query) {
        StringBuilder hql = new StringBuilder("from Agreement a where 1 = 1");
        Parameters params = new Parameters();
        if (query.status() != null) {
            hql.append(" and a.status = :status");
            params.and("status", query.status());
        }
        if (query.party() != null) {
            hql.append(" and exists (select 1 from AgreementParty p where p.agreement = a and p.id.code = :party)");
            params.and("party", query.party());
        }
        if (query.tag() != null) {
            hql.append(" and array_contains(a.tags, :tag)");
            params.and("tag", query.tag());
        }
        if (query.titleContains() != null) {
            hql.append(" and lower(a.title) like :q escape '\\'");
            params.and("q", "%" + escapeLike(query.titleContains().toLowerCase(Locale.ROOT)) + "%");
        }
        String column = "a." + query.sort().field();
        if (query.after() != null) {
            hql.append(" and (").append(column).append(", a.id) ").append(query.sort().descending() ? "<" : ">")
                    .append(" (:afterValue, :afterId)");
            params.and("afterValue", query.after().instantValue()).and("afterId", query.after().id());
        }
        String direction = query.sort().descending() ? " desc" : " asc";
        hql.append(" order by ").append(column).append(direction).append(", a.id").append(direction);
        return find(hql.toString(), params).page(0, query.limit() + 1).list();
    }

    /** A clause that stops finalization, as the problem lists it. */
    public record BlockingClause(UUID id, String reference, String status) {
    }

    /** The most urgent blocking clauses (at most the number asked for) and how many there are in all. */
    public record BlockingClauses(long total, List<BlockingClause> listed) {
    }

    /** The agreement's PROPOSED and UNDER_NEGOTIATION clauses, most urgent first, in one statement. */
    public BlockingClauses blockingClauses(UUID agreementId, int max) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = getEntityManager().createNativeQuery("""
                        select id, reference, status, count(*) over () as total from clauses
                        where agreement_id = ?1 and status in ('PROPOSED', 'UNDER_NEGOTIATION')
                        order by priority_rank, open_since, id limit ?2""", Tuple.class)
                .setParameter(1, agreementId).setParameter(2, max).getResultList();
        return new BlockingClauses(rows.isEmpty() ? 0 : rows.get(0).get("total", Number.class).longValue(),
                rows.stream().map(row -> new BlockingClause(row.get("id", UUID.class), row.get("reference", String.class),
                        row.get("status", String.class))).toList());
    }

    /** Those of {@code codes} that a clause, a position or a signatory of the agreement refers to, sorted. */
    public List<String> partiesInUse(UUID agreementId, List<String> codes) {
        @SuppressWarnings("unchecked")
        List<String> inUse = getEntityManager().createNativeQuery("""
                        select party_code from (
                          select proposed_by as party_code from clauses where agreement_id = ?1 and proposed_by = any(?2)
                          union select party_code from clause_positions where agreement_id = ?1 and party_code = any(?2)
                          union select party_code from signatories where agreement_id = ?1 and party_code = any(?2)
                          union select party_code from clause_proposals where agreement_id = ?1 and party_code = any(?2)
                        ) used order by party_code""")
                .setParameter(1, agreementId).setParameter(2, codes.toArray(String[]::new)).getResultList();
        return inUse;
    }

    /** LIKE treats % and _ as wildcards; the search is for the literal text, so escape them. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The one wording of an unknown agreement id: 404 AGREEMENT_NOT_FOUND. */
    public static ApiException notFound(UUID id) {
        return new ApiException(ProblemCode.AGREEMENT_NOT_FOUND, "no agreement with id " + id);
    }
}
