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

    static final String ORDERING = "sequence";

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
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select id as sequence, occurred_at, actor, kind, target_type, target_id, cast(changes as text) as changes
                        from agreement_events where agreement_id = ?1 and id > ?2 order by id limit ?3""", Tuple.class)
                .setParameter(1, agreementId).setParameter(2, after == null ? 0L : after.longValue())
                .setParameter(3, limit + 1).getResultList();
        Slice<Tuple> page = Slice.of(rows, limit,
                last -> PageCursor.after(ORDERING, last.get("sequence", Number.class).longValue(), agreementId));
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
