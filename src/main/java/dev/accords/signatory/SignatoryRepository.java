package dev.accords.signatory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import dev.accords.problem.ApiException;
import dev.accords.paging.PageCursor;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class SignatoryRepository implements PanacheRepositoryBase<Signatory, UUID> {

    /** The keyset ordering of a signatory list; a cursor of another list does not decode against it. */
    static final String ORDERING = "signatories:createdAt";

    /** Reads a signatory of this agreement or answers 404 SIGNATORY_NOT_FOUND (also for another agreement's). */
    public Signatory require(UUID agreementId, UUID id) {
        return find("id = ?1 and agreementId = ?2", id, agreementId).singleResultOptional()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Locks the signatory row for a change. The caller already holds the agreement row (shared, or
     * for update when the change can complete the agreement), always in that order: no deadlock.
     */
    public Signatory requireForUpdate(UUID agreementId, UUID id) {
        return find("id = ?1 and agreementId = ?2", id, agreementId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResultOptional().orElseThrow(() -> notFound(id));
    }

    /** One page plus one row, so the caller knows whether another page follows. */
    public List<Signatory> page(UUID agreementId, int limit, PageCursor after) {
        StringBuilder hql = new StringBuilder("agreementId = :agreementId");
        Parameters params = Parameters.with("agreementId", agreementId);
        if (after != null) {
            hql.append(" and (createdAt, id) > (:afterValue, :afterId)");
            params.and("afterValue", after.instantValue()).and("afterId", after.id());
        }
        hql.append(" order by createdAt, id");
        return find(hql.toString(), params).page(0, limit + 1).list();
    }

    /** The signatories with a lower signing order that have not signed: those {@code order} waits for. */
    public List<Signatory> notSignedBefore(UUID agreementId, int order) {
        return list("agreementId = ?1 and signingOrder < ?2 and status <> ?3 order by signingOrder, createdAt, id",
                agreementId, order, SignatoryStatus.SIGNED);
    }

    /** The signatories with a higher signing order that have already signed. */
    public List<Signatory> signedAfter(UUID agreementId, int order) {
        return list("agreementId = ?1 and signingOrder > ?2 and status = ?3 order by signingOrder, createdAt, id",
                agreementId, order, SignatoryStatus.SIGNED);
    }

    public long countNotSigned(UUID agreementId) {
        return count("agreementId = ?1 and status <> ?2", agreementId, SignatoryStatus.SIGNED);
    }

    public long countSigned(UUID agreementId) {
        return count("agreementId = ?1 and status = ?2", agreementId, SignatoryStatus.SIGNED);
    }

    /**
     * Sets every DECLINED signatory of the agreement back to PENDING without its reason, in one
     * statement, and returns their ids. The statement bypasses the persistence context: call it before
     * loading any of those signatories in the transaction.
     */
    public List<UUID> resetDeclined(UUID agreementId, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> reset = getEntityManager().createNativeQuery("""
                        update signatories set status = 'PENDING', decline_reason = null, updated_at = ?2,
                          version = version + 1 where agreement_id = ?1 and status = 'DECLINED' returning id""")
                .setParameter(1, agreementId).setParameter(2, now).getResultList();
        return reset;
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ProblemCode.SIGNATORY_NOT_FOUND, "no signatory with id " + id + " in this agreement");
    }
}
