package dev.accords.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.agreement.AgreementRepository;
import dev.accords.paging.PageCursor;

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
    public EventPage list(UUID agreementId, PageCursor after, int limit) {
        agreements.require(agreementId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, occurred_at, actor, kind, target_type, target_id, cast(changes as text)
                        from agreement_events where agreement_id = ?1 and id > ?2 order by id limit ?3""")
                .setParameter(1, agreementId).setParameter(2, after == null ? 0L : after.longValue())
                .setParameter(3, limit + 1).getResultList();
        boolean more = rows.size() > limit;
        List<Object[]> page = more ? rows.subList(0, limit) : rows;
        List<EventView> items = page.stream().map(this::view).toList();
        String next = more ? PageCursor.after(ORDERING, items.get(items.size() - 1).sequence(), agreementId).encode() : null;
        return new EventPage(items, next);
    }

    private EventView view(Object[] row) {
        try {
            Map<String, Object> changes = mapper.readValue((String) row[6], new TypeReference<>() {
            });
            return new EventView(((Number) row[0]).longValue(), (Instant) row[1], (String) row[2],
                    EventKind.valueOf((String) row[3]), EventTarget.valueOf((String) row[4]), (UUID) row[5], changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
