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
import dev.accords.provenance.SourceJson;
import dev.accords.security.PartyScope;

/** Reads an agreement's audit trail, oldest first. */
@ApplicationScoped
public class EventService {

    /** Cursors name the order they belong to: (transaction, id), as in the change feed. */
    static final String ORDERING = "commit";

    private static final TypeReference<Map<String, Object>> CHANGES = new TypeReference<>() {
    };

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    AgreementRepository agreements;
    @Inject
    PartyScope partyScope;

    @Transactional
    @ReadOnlyTransaction
    public EventPage list(UUID agreementId, PageCursor after, int limit) {
        agreements.require(agreementId);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select e.id as sequence, e.tx_id::text as tx, e.occurred_at, e.actor, e.kind, e.target_type,
                               e.target_id, cast(e.changes as text) as changes, e.private_party,
                               cast(e.private_changes as text) as private_changes, cast(e.source as text) as source
                        from agreement_events e
                        where e.agreement_id = :agreement and %s and %s
                        %s limit :limit""".formatted(EventOrder.AFTER, EventOrder.VISIBLE, EventOrder.ORDER_BY),
                        Tuple.class)
                .setParameter("agreement", agreementId)
                .setParameter("afterTx", after == null ? "0" : Long.toUnsignedString(after.longValue(0)))
                .setParameter("afterId", after == null ? 0L : after.longValue(1))
                .setParameter("limit", limit + 1).getResultList();
        Slice<Tuple> page = Slice.of(rows, limit, last -> PageCursor.after(ORDERING, agreementId,
                last.get("tx", String.class), last.get("sequence", Number.class).longValue()));
        return new EventPage(page.map(this::view), page.nextCursor());
    }

    /** One row of the query above, by its column names. */
    private EventView view(Tuple row) {
        try {
            Map<String, Object> changes = mapper.readValue(row.get("changes", String.class), CHANGES);
            String party = row.get("private_party", String.class);
            String source = row.get("source", String.class);
            if (party != null) {
                changes = PrivateChanges.visible(changes, new PrivateChanges(party,
                        mapper.readValue(row.get("private_changes", String.class), CHANGES)), partyScope::mayReadNotesOf);
            }
            return new EventView(row.get("sequence", Number.class).longValue(), row.get("occurred_at", Instant.class),
                    row.get("actor", String.class), EventKind.valueOf(row.get("kind", String.class)),
                    EventTarget.valueOf(row.get("target_type", String.class)), row.get("target_id", UUID.class), changes,
                    SourceJson.read(source));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
