package dev.accords.clause;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.Locking;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class ClauseRepository implements PanacheRepositoryBase<Clause, UUID> {

    /** The clause, if it belongs to the agreement; otherwise 404 CLAUSE_NOT_FOUND. */
    public Clause require(UUID agreementId, UUID clauseId) {
        return findByIdOptional(clauseId).filter(c -> c.agreementId.equals(agreementId))
                .orElseThrow(() -> notFound(clauseId));
    }

    /**
     * Same, with the clause row locked for the rest of the transaction, and its positions read in the
     * same statement (a fetch join; the lock covers the clause row only): a change shows them before
     * and after, so reading them apart would cost a second round trip.
     */
    public Clause requireForUpdate(UUID agreementId, UUID clauseId) {
        return getSession().createSelectionQuery("from Clause c left join fetch c.positions where c.id = :id", Clause.class)
                .setParameter("id", clauseId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setLockScope(Locking.Scope.ROOT_ONLY).setFollowOnStrategy(Locking.FollowOn.DISALLOW).uniqueResultOptional()
                .filter(c -> c.agreementId.equals(agreementId))
                .orElseThrow(() -> notFound(clauseId));
    }

    public List<ClauseRevision> revisions(UUID clauseId, int afterNumber, int limit) {
        return getEntityManager().createQuery("""
                        from ClauseRevision r where r.id.clauseId = :id and r.id.number > :after
                        order by r.id.number""", ClauseRevision.class)
                .setParameter("id", clauseId).setParameter("after", afterNumber)
                .setMaxResults(limit + 1).getResultList();
    }

    public static ApiException notFound(UUID clauseId) {
        return new ApiException(ProblemCode.CLAUSE_NOT_FOUND, "no clause with id " + clauseId + " in this agreement");
    }
}
