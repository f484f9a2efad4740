package dev.accords.clause;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class ClauseRepository implements PanacheRepositoryBase<Clause, UUID> {

    /** The clause, if it belongs to the agreement; otherwise 404 CLAUSE_NOT_FOUND. */
    public Clause require(UUID agreementId, UUID clauseId) {
        return findByIdOptional(clauseId).filter(c -> c.agreementId.equals(agreementId))
                .orElseThrow(() -> notFound(clauseId));
    }

    /** Same, with the clause row locked for the rest of the transaction. */
    public Clause requireForUpdate(UUID agreementId, UUID clauseId) {
        return findByIdOptional(clauseId, LockModeType.PESSIMISTIC_WRITE).filter(c -> c.agreementId.equals(agreementId))
                .orElseThrow(() -> notFound(clauseId));
    }

    public boolean referenceTaken(UUID agreementId, String reference, UUID except) {
        return count("agreementId = ?1 and reference = ?2 and id <> ?3", agreementId, reference,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    public int nextRevisionNumber(UUID clauseId) {
        Number max = (Number) getEntityManager()
                .createQuery("select coalesce(max(r.id.number), 0) from ClauseRevision r where r.id.clauseId = :id")
                .setParameter("id", clauseId).getSingleResult();
        return max.intValue() + 1;
    }

    public List<ClauseRevision> revisions(UUID clauseId, int afterNumber, int limit) {
        return getEntityManager().createQuery("""
                        from ClauseRevision r where r.id.clauseId = :id and r.id.number > :after
                        order by r.id.number""", ClauseRevision.class)
                .setParameter("id", clauseId).setParameter("after", afterNumber)
                .setMaxResults(limit + 1).getResultList();
    }

    static ApiException notFound(UUID clauseId) {
        return new ApiException(ProblemCode.CLAUSE_NOT_FOUND, "no clause with id " + clauseId + " in this agreement");
    }
}
