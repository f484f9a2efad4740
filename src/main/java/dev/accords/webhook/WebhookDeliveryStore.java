package dev.accords.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import dev.accords.paging.PageCursor;

/**
 * The SQL of the delivery log for the API: listing, reading, a ping and a redelivery. Native SQL
 * rather than entities: the rows are written by the outbox trigger and the dispatcher's own SQL
 * (claims with SKIP LOCKED, transaction ids), and the API only reads them or moves one row.
 * Every method joins its caller's transaction.
 */
@ApplicationScoped
public class WebhookDeliveryStore {

    /** The keyset ordering of a delivery list, newest first. */
    static final String ORDERING = "webhook-deliveries:createdAtDesc";

    /** The columns of a {@link Row}; the dispatcher's claim returns the same. */
    static final String COLUMNS = """
            d.id, d.endpoint_id, d.type, d.event_id, d.agreement_id, d.status, d.attempt_count, d.next_attempt_at,
            d.created_at, d.completed_at""";

    /** One row of webhook_deliveries. */
    record Row(UUID id, UUID endpointId, String type, Long eventId, UUID agreementId, WebhookDeliveryStatus status,
               int attemptCount, Instant nextAttemptAt, Instant createdAt, Instant completedAt) {
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    List<Row> page(UUID endpointId, WebhookDeliveryStatus status, int limit, PageCursor after) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from webhook_deliveries d where d.endpoint_id = :endpoint");
        if (status != null) {
            sql.append(" and d.status = :status");
        }
        if (after != null) {
            sql.append(" and (d.created_at, d.id) < (:afterValue, :afterId)");
        }
        sql.append(" order by d.created_at desc, d.id desc limit :limit");
        var query = em.createNativeQuery(sql.toString(), Tuple.class).setParameter("endpoint", endpointId)
                .setParameter("limit", limit + 1);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (after != null) {
            query.setParameter("afterValue", after.instantValue()).setParameter("afterId", after.id());
        }
        return rows(query.getResultList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Row> find(UUID endpointId, UUID deliveryId) {
        return find(endpointId, deliveryId, "");
    }

    /** At most this many attempts of a delivery are shown (openapi.yaml: WebhookDelivery.attempts): the latest. */
    static final int SHOWN_ATTEMPTS = 50;

    /** The latest attempts of these deliveries, oldest first, by delivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<UUID, List<WebhookAttemptView>> attempts(List<UUID> deliveryIds) {
        Map<UUID, List<WebhookAttemptView>> attempts = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return attempts;
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                        select delivery_id, number, attempted_at, status_code, duration_ms, response_body, error
                        from (select a.*, row_number() over (partition by delivery_id order by number desc) as newest
                              from webhook_attempts a where a.delivery_id in (:ids)) latest
                        where newest <= :shown order by delivery_id, number""", Tuple.class)
                .setParameter("ids", deliveryIds).setParameter("shown", SHOWN_ATTEMPTS).getResultList();
        for (Tuple row : rows) {
            Number code = row.get("status_code", Number.class);
            attempts.computeIfAbsent(row.get("delivery_id", UUID.class), id -> new ArrayList<>()).add(new WebhookAttemptView(
                    row.get("number", Number.class).intValue(), row.get("attempted_at", Instant.class),
                    code == null ? null : code.intValue(), row.get("duration_ms", Number.class).longValue(),
                    row.get("response_body", String.class), row.get("error", String.class)));
        }
        return attempts;
    }

    /** A ping for the endpoint, due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    Row insertPing(UUID endpointId) {
        return rows(em.createNativeQuery("""
                        insert into webhook_deliveries as d (endpoint_id, type, next_attempt_at) values (:endpoint, 'ping', now())
                        returning""" + " " + COLUMNS, Tuple.class).setParameter("endpoint", endpointId).getResultList()).get(0);
    }

    /** Schedules a finished delivery again, due now, with a retry window of its own; its attempts go on counting. */
    @Transactional(Transactional.TxType.MANDATORY)
    Row reschedule(UUID deliveryId) {
        return rows(em.createNativeQuery("""
                        update webhook_deliveries d set status = 'PENDING', next_attempt_at = now(), completed_at = null, retry_from = now()
                        where d.id = :id returning""" + " " + COLUMNS, Tuple.class).setParameter("id", deliveryId).getResultList()).get(0);
    }

    /** Locks a delivery of the endpoint for a change, or nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Row> findForUpdate(UUID endpointId, UUID deliveryId) {
        return find(endpointId, deliveryId, " for update");
    }

    private Optional<Row> find(UUID endpointId, UUID deliveryId, String lock) {
        return rows(em.createNativeQuery("select " + COLUMNS
                        + " from webhook_deliveries d where d.id = :id and d.endpoint_id = :endpoint" + lock, Tuple.class)
                .setParameter("id", deliveryId).setParameter("endpoint", endpointId).getResultList()).stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(List<?> tuples) {
        List<Row> rows = new ArrayList<>();
        for (Tuple row : (List<Tuple>) tuples) {
            Number eventId = row.get("event_id", Number.class);
            rows.add(new Row(row.get("id", UUID.class), row.get("endpoint_id", UUID.class), row.get("type", String.class),
                    eventId == null ? null : eventId.longValue(), row.get("agreement_id", UUID.class),
                    WebhookDeliveryStatus.valueOf(row.get("status", String.class)),
                    row.get("attempt_count", Number.class).intValue(), row.get("next_attempt_at", Instant.class),
                    row.get("created_at", Instant.class), row.get("completed_at", Instant.class)));
        }
        return rows;
    }
}
