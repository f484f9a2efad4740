package dev.accords.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.query.NativeQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The dispatcher's SQL: claiming due deliveries and recording what an attempt came to. Each is one
 * short transaction of its own; nothing is held while a request is on its way.
 */
@ApplicationScoped
public class WebhookDispatchStore {

    /**
     * Due deliveries of enabled endpoints, oldest due first. {@code SKIP LOCKED} lets the workers of
     * every instance claim at once without waiting for or taking each other's rows, and the claim
     * moves the delivery a lease ahead, so no other worker takes it while it is being sent. For an
     * endpoint that wants order, a delivery waits while an earlier one of its agreement is pending,
     * and until every older transaction has finished (the feed's horizon): an earlier event can
     * then no longer appear.
     */
    private static final String CLAIM = """
            with due as (
                select d.id
                from webhook_deliveries d
                         join webhook_endpoints w on w.id = d.endpoint_id
                where d.status = 'PENDING'
                  and d.next_attempt_at <= now()
                  and w.enabled
                  and (not w.ordered or d.agreement_id is null
                    or (d.event_tx < pg_snapshot_xmin(pg_current_snapshot())
                        and not exists (select 1
                                        from webhook_deliveries p
                                        where p.endpoint_id = d.endpoint_id
                                          and p.agreement_id = d.agreement_id
                                          and p.status = 'PENDING'
                                          and (p.event_tx, p.event_id) < (d.event_tx, d.event_id))))
                order by d.next_attempt_at
                limit :limit for update of d skip locked)
            update webhook_deliveries d
            set next_attempt_at = now() + make_interval(secs => :lease), attempt_count = d.attempt_count + 1
            from due, webhook_endpoints w
            where d.id = due.id and w.id = d.endpoint_id
            returning d.id, d.endpoint_id, d.type, d.event_id, d.agreement_id, d.status, d.attempt_count,
                      d.next_attempt_at, d.created_at, d.completed_at, d.retry_from, w.url, w.secret,
                      case when w.previous_secret_expires_at > now() then w.previous_secret end as previous_secret""";

    /** Disables an enabled endpoint, saying why: ?1 the endpoint, ?2 the reason. */
    private static final String DISABLE = """
            update webhook_endpoints
            set enabled = false, disabled_reason = ?2, disabled_at = now(), updated_at = now(), version = version + 1
            where id = ?1 and enabled""";

    /** A claimed delivery, with what sending it needs. */
    record Claimed(WebhookDeliveryStore.Row delivery, Instant retryFrom, String url, List<String> secrets) {
    }

    @Inject
    EntityManager em;
    @ConfigProperty(name = "accords.webhooks.lease")
    Duration lease;
    /** The first retry's delay; each next one doubles it, up to {@link #retryCap}, with jitter. */
    @ConfigProperty(name = "accords.webhooks.retry-base")
    Duration retryBase;
    @ConfigProperty(name = "accords.webhooks.retry-cap")
    Duration retryCap;
    /** How long after its creation (or redelivery) a delivery is still tried; then it is FAILED. */
    @ConfigProperty(name = "accords.webhooks.retry-window")
    Duration retryWindow;
    /** How long an endpoint may fail without a single success before it is disabled. */
    @ConfigProperty(name = "accords.webhooks.disable-after")
    Duration disableAfter;

    List<Claimed> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Tuple> rows = em.createNativeQuery(CLAIM, Tuple.class).setParameter("limit", limit)
                    .setParameter("lease", lease.toMillis() / 1000.0).getResultList();
            List<Claimed> claimed = new ArrayList<>();
            for (Tuple row : rows) {
                Number eventId = row.get("event_id", Number.class);
                WebhookDeliveryStore.Row delivery = new WebhookDeliveryStore.Row(row.get("id", UUID.class),
                        row.get("endpoint_id", UUID.class), row.get("type", String.class),
                        eventId == null ? null : eventId.longValue(), row.get("agreement_id", UUID.class),
                        WebhookDeliveryStatus.valueOf(row.get("status", String.class)),
                        row.get("attempt_count", Number.class).intValue(), row.get("next_attempt_at", Instant.class),
                        row.get("created_at", Instant.class), row.get("completed_at", Instant.class));
                String previous = row.get("previous_secret", String.class);
                claimed.add(new Claimed(delivery, row.get("retry_from", Instant.class), row.get("url", String.class),
                        previous == null ? List.of(row.get("secret", String.class)) : List.of(row.get("secret", String.class), previous)));
            }
            return claimed;
        });
    }

    /**
     * Logs the attempt and moves the delivery on: DELIVERED, FAILED, or due again after a backoff.
     * An answer settles the delivery only if it is still at this attempt (a lease that ran out let
     * another worker take it further meanwhile); the attempt is logged either way.
     */
    void record(Claimed claimed, Instant attemptedAt, WebhookAttemptOutcome outcome) {
        WebhookDeliveryStore.Row delivery = claimed.delivery();
        QuarkusTransaction.requiringNew().run(() -> {
            // Typed, because most of these are null for some attempt and a bare null has no SQL type.
            em.createNativeQuery("""
                            insert into webhook_attempts (delivery_id, number, attempted_at, status_code, duration_ms, response_body, error)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""").unwrap(NativeQuery.class)
                    .setParameter(1, delivery.id()).setParameter(2, delivery.attemptCount()).setParameter(3, attemptedAt)
                    .setParameter(4, outcome.statusCode(), Integer.class).setParameter(5, outcome.durationMs())
                    .setParameter(6, outcome.responseBody(), String.class).setParameter(7, outcome.error(), String.class)
                    .executeUpdate();
            if (outcome.delivered()) {
                settle(delivery, "DELIVERED");
                em.createNativeQuery("""
                                update webhook_endpoints set failing_since = null, version = version + 1
                                where id = ?1 and failing_since is not null""")
                        .setParameter(1, delivery.endpointId()).executeUpdate();
                return;
            }
            if (outcome.gone()) {
                settle(delivery, "FAILED");
                em.createNativeQuery(DISABLE).setParameter(1, delivery.endpointId())
                        .setParameter(2, WebhookDisabledReason.GONE.name()).executeUpdate();
                return;
            }
            Instant now = Instant.now();
            Instant giveUp = claimed.retryFrom().plus(retryWindow);
            if (!now.isBefore(giveUp)) {
                settle(delivery, "FAILED");
            } else {
                Instant next = now.plus(backoff(delivery.attemptCount(), outcome.retryAfter()));
                em.createNativeQuery("""
                                update webhook_deliveries set next_attempt_at = ?3
                                where id = ?1 and attempt_count = ?2 and status = 'PENDING'""")
                        .setParameter(1, delivery.id()).setParameter(2, delivery.attemptCount())
                        .setParameter(3, next.isAfter(giveUp) ? giveUp : next).executeUpdate();
            }
            em.createNativeQuery("""
                            update webhook_endpoints set failing_since = ?2, version = version + 1
                            where id = ?1 and failing_since is null""")
                    .setParameter(1, delivery.endpointId()).setParameter(2, attemptedAt).executeUpdate();
            em.createNativeQuery(DISABLE + " and failing_since <= ?3").setParameter(1, delivery.endpointId())
                    .setParameter(2, WebhookDisabledReason.FAILING.name()).setParameter(3, now.minus(disableAfter))
                    .executeUpdate();
        });
    }

    private void settle(WebhookDeliveryStore.Row delivery, String status) {
        em.createNativeQuery("""
                        update webhook_deliveries set status = ?3, next_attempt_at = null, completed_at = now()
                        where id = ?1 and attempt_count = ?2 and status = 'PENDING'""")
                .setParameter(1, delivery.id()).setParameter(2, delivery.attemptCount()).setParameter(3, status)
                .executeUpdate();
    }

    /**
     * Exponential backoff with jitter: the n-th retry waits between half and all of base·2^(n-1),
     * capped; never less than the receiver's Retry-After.
     */
    Duration backoff(int attempt, Duration retryAfter) {
        long exponential = retryBase.toMillis() << Math.min(attempt - 1, 30);
        long capped = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, retryCap.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration wait = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }
}
