package dev.accords.ratification;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import dev.accords.paging.PageCursor;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class InstrumentRepository implements PanacheRepositoryBase<Instrument, UUID> {

    /** The keyset ordering of an instrument list; a cursor of another list does not decode against it. */
    static final String ORDERING = "instruments:createdAt";

    /** Reads an instrument of this agreement or answers 404 INSTRUMENT_NOT_FOUND (also for another agreement's). */
    Instrument require(UUID agreementId, UUID id) {
        return find("id = ?1 and agreementId = ?2", id, agreementId).singleResultOptional()
                .orElseThrow(() -> new ApiException(ProblemCode.INSTRUMENT_NOT_FOUND,
                        "no instrument with id " + id + " in this agreement"));
    }

    /** One page plus one row, so the caller knows whether another page follows. */
    List<Instrument> page(UUID agreementId, int limit, PageCursor after) {
        StringBuilder hql = new StringBuilder("agreementId = :agreementId");
        Parameters params = Parameters.with("agreementId", agreementId);
        if (after != null) {
            hql.append(" and (createdAt, id) > (:afterValue, :afterId)");
            params.and("afterValue", after.instantValue()).and("afterId", after.id());
        }
        hql.append(" order by createdAt, id");
        return find(hql.toString(), params).page(0, limit + 1).list();
    }

    /** Whether the party has already recorded its notification. */
    boolean hasNotified(UUID agreementId, String partyCode) {
        return count("agreementId = ?1 and partyCode = ?2 and kind = ?3", agreementId, partyCode,
                InstrumentKind.NOTIFICATION) > 0;
    }

    /** The number of parties that have notified, and the date of the latest notification. */
    record Notifications(long parties, java.time.LocalDate last) {
    }

    Notifications notifications(UUID agreementId) {
        Object[] row = getEntityManager().createQuery("""
                        select count(distinct i.partyCode), max(i.date) from Instrument i
                        where i.agreementId = :agreementId and i.kind = :kind""", Object[].class)
                .setParameter("agreementId", agreementId).setParameter("kind", InstrumentKind.NOTIFICATION)
                .getSingleResult();
        return new Notifications(((Number) row[0]).longValue(), (java.time.LocalDate) row[1]);
    }

    /** Those of {@code clauseIds} that are clauses of the agreement. */
    List<UUID> clausesOf(UUID agreementId, List<UUID> clauseIds) {
        @SuppressWarnings("unchecked")
        List<UUID> found = getEntityManager().createNativeQuery(
                        "select id from clauses where agreement_id = ?1 and id = any(?2)", UUID.class)
                .setParameter(1, agreementId).setParameter(2, clauseIds.toArray(UUID[]::new)).getResultList();
        return found;
    }
}
