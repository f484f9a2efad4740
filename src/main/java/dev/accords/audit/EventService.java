package dev.accords.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.database.ReadOnlyTransaction;
import dev.accords.agreement.AgreementRepository;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;

/** Reads an agreement's audit trail, oldest first. */
@ApplicationScoped
public class EventService {

    /** Cursors name the order they belong to: (transaction, id), as in the change feed. */
    static final String ORDERING = "commit";

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgreementRepository agreements;

    @Transactional
    @ReadOnlyTransaction
    public EventPage list(UUID agreementId, PageCursor after, int limit) {
        agreements.require(agreementId);
        // The same order and horizon as the change feed (see V5__change_feed.sql): ids are assigned at
        // insert, not at commit, so paging by id alone could step past an event still being committed.
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select id as sequence, tx_id::text as tx_id, occurred_at, actor, kind, target_type, target_id,
                               cast(changes as text) as changes
                        from agreement_events
                        where agreement_id = ?1 and (tx_id, id) > (cast(?2 as xid8), ?3)
                          and tx_id < pg_snapshot_xmin(pg_current_snapshot())
                        order by tx_id, id limit ?4""", Tuple.class)
                .setParameter(1, agreementId)
                .setParameter(2, after == null ? "0" : Long.toUnsignedString(after.longValue(0)))
                .setParameter(3, after == null ? 0L : after.longValue(1))
                .setParameter(4, limit + 1).getResultList();
        Slice<Tuple> page = Slice.of(rows, limit, last -> PageCursor.after(ORDERING, agreementId,
                last.get("tx_id", String.class), last.get("sequence", Number.class).longValue()));
        return new EventPage(page.map(this::view), page.nextCursor());
    }

    /** One row of the query above, by its column names. */
    private EventView view(Tuple row) {
        try {
            Map<String, Object> changes = mapper.readValue(row.get("changes", String.class), new TypeReference<>() {
            });
            return new EventView(row.get("sequence", Number.class).longValue(), row.get("occurred_at", Instant.class),
                    row.get("actor", String.class), EventKind.valueOf(row.get("kind", String.class)),
                    EventTarget.valueOf(row.get("target_type", String.class)), row.get("target_id", UUID.class), changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
