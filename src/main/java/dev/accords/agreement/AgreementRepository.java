package dev.accords.agreement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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
     * Reads an agreement with its parties in one statement (a fetch join), or answers 404: for reads
     * that show the parties, which would otherwise cost a second round trip to load them.
     */
    public Agreement requireWithParties(UUID id) {
        return find("from Agreement a left join fetch a.parties where a.id = ?1", id).singleResultOptional()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Locks the agreement row for an agreement-level change (status, parties, delete). Clause and
     * signatory changes take {@link #requireShared} on the same row, so an agreement change and a
     * child change never interleave: finalization cannot miss a clause being reopened, a party
     * cannot be dropped while a clause starts to reference it.
     */
    public Agreement requireForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    /** Shares the agreement row lock for a change to one of its clauses or signatories. */
    public Agreement requireShared(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ).orElseThrow(() -> notFound(id));
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
            params.and("q", "%" + escapeLike(query.titleContains().toLowerCase(java.util.Locale.ROOT)) + "%");
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

    /** LIKE treats % and _ as wildcards; the search is for the literal text, so escape them. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ProblemCode.AGREEMENT_NOT_FOUND, "no agreement with id " + id);
    }

    public Optional<Agreement> findOptional(UUID id) {
        return findByIdOptional(id);
    }
}
