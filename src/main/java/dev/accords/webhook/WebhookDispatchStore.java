package dev.accords.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

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
                limit ? for update of d skip locked)
            update webhook_deliveries d
            set next_attempt_at = now() + make_interval(secs => ?), attempt_count = d.attempt_count + 1
            from due, webhook_endpoints w
            where d.id = due.id and w.id = d.endpoint_id
            returning\s""" + WebhookDeliveryStore.COLUMNS + """
            , d.retry_from, w.url, w.secret,
                      case when w.previous_secret_expires_at > now() then w.previous_secret end as previous_secret""";

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

    /**
     * Claims up to {@code limit} due deliveries. Plain JDBC, like {@link #record}: these statements
     * run every poll interval on every instance, and Hibernate adds nothing to them (nor should they
     * count in its statistics, which the statement-count tests read).
     */
    List<Claimed> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(connection -> {
            List<Claimed> claimed = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setInt(1, limit);
                claim.setDouble(2, lease.toMillis() / 1000.0);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        Long eventId = row.getObject("event_id", Long.class);
                        WebhookDeliveryStore.Row delivery = new WebhookDeliveryStore.Row(row.getObject("id", UUID.class),
                                row.getObject("endpoint_id", UUID.class), row.getString("type"),
                                eventId, row.getObject("agreement_id", UUID.class),
                                WebhookDeliveryStatus.valueOf(row.getString("status")), row.getInt("attempt_count"),
                                instant(row, "next_attempt_at"), instant(row, "created_at"), instant(row, "completed_at"));
                        String secret = row.getString("secret");
                        String previous = row.getString("previous_secret");
                        claimed.add(new Claimed(delivery, instant(row, "retry_from"), row.getString("url"),
                                previous == null ? List.of(secret) : List.of(secret, previous)));
                    }
                }
            }
            return claimed;
        }));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** What one attempt of a claimed delivery came to. */
    record Attempted(Claimed claimed, Instant attemptedAt, WebhookAttemptOutcome outcome) {
    }

    /**
     * Logs the attempts and moves each delivery on: DELIVERED, FAILED, or due again after a backoff;
     * then each endpoint's run of failures. One transaction and a handful of statements for the
     * whole batch, whatever its size: under load the dispatcher competes with the API for the
     * database, and a transaction per delivery let the backlog grow. An answer settles a delivery
     * only if it is still at this attempt (a lease that ran out let another worker take it further);
     * the attempt is logged either way.
     */
    void record(List<Attempted> attempts) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement log = connection.prepareStatement("""
                    insert into webhook_attempts (delivery_id, number, attempted_at, status_code, duration_ms, response_body, error)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (Attempted attempt : attempts) {
                    WebhookAttemptOutcome outcome = attempt.outcome();
                    log.setObject(1, attempt.claimed().delivery().id());
                    log.setInt(2, attempt.claimed().delivery().attemptCount());
                    log.setObject(3, attempt.attemptedAt().atOffset(ZoneOffset.UTC));
                    log.setObject(4, outcome.statusCode(), Types.INTEGER);
                    log.setLong(5, outcome.durationMs());
                    log.setString(6, outcome.responseBody());
                    log.setString(7, outcome.error());
                    log.addBatch();
                }
                log.executeBatch();
            }
            Instant now = Instant.now();
            List<Attempted> delivered = new ArrayList<>();
            List<Attempted> failed = new ArrayList<>();
            try (PreparedStatement retry = connection.prepareStatement("""
                    update webhook_deliveries set next_attempt_at = ?
                    where id = ? and attempt_count = ? and status = 'PENDING'""")) {
                for (Attempted attempt : attempts) {
                    WebhookAttemptOutcome outcome = attempt.outcome();
                    Instant giveUp = attempt.claimed().retryFrom().plus(retryWindow);
                    if (outcome.delivered()) {
                        delivered.add(attempt);
                    } else if (outcome.gone() || !now.isBefore(giveUp)) {
                        failed.add(attempt);
                    } else {
                        Instant next = now.plus(backoff(attempt.claimed().delivery().attemptCount(), outcome.retryAfter()));
                        retry.setObject(1, (next.isAfter(giveUp) ? giveUp : next).atOffset(ZoneOffset.UTC));
                        retry.setObject(2, attempt.claimed().delivery().id());
                        retry.setInt(3, attempt.claimed().delivery().attemptCount());
                        retry.addBatch();
                    }
                }
                retry.executeBatch();
            }
            settle(connection, delivered, "DELIVERED");
            settle(connection, failed, "FAILED");
            endpoints(connection, attempts, now);
        }));
    }

    /** Settles the deliveries still at the attempt that was made, in one statement. */
    private static void settle(Connection connection, List<Attempted> attempts, String status) throws SQLException {
        if (attempts.isEmpty()) {
            return;
        }
        try (PreparedStatement settle = connection.prepareStatement("""
                update webhook_deliveries d set status = ?, next_attempt_at = null, completed_at = now()
                from unnest(?::uuid[], ?::int[]) as attempted(id, number)
                where d.id = attempted.id and d.attempt_count = attempted.number and d.status = 'PENDING'""")) {
            settle.setString(1, status);
            settle.setArray(2, connection.createArrayOf("uuid",
                    attempts.stream().map(a -> a.claimed().delivery().id()).toArray()));
            settle.setArray(3, connection.createArrayOf("integer",
                    attempts.stream().map(a -> a.claimed().delivery().attemptCount()).toArray()));
            settle.executeUpdate();
        }
    }

    /**
     * Per endpoint, by its latest attempt in the batch: a success ends its run of failures; a failure
     * starts one (or goes on with it) and disables the endpoint once the run is long enough; a 410
     * disables it at once.
     */
    private void endpoints(Connection connection, List<Attempted> attempts, Instant now) throws SQLException {
        Map<UUID, Attempted> latest = new HashMap<>();
        Map<UUID, Instant> firstFailure = new HashMap<>();
        Set<UUID> gone = new HashSet<>();
        for (Attempted attempt : attempts) {
            UUID endpoint = attempt.claimed().delivery().endpointId();
            latest.merge(endpoint, attempt, (a, b) -> b.attemptedAt().isAfter(a.attemptedAt()) ? b : a);
            if (!attempt.outcome().delivered()) {
                firstFailure.merge(endpoint, attempt.attemptedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
            if (attempt.outcome().gone()) {
                gone.add(endpoint);
            }
        }
        for (Map.Entry<UUID, Attempted> endpoint : latest.entrySet()) {
            UUID id = endpoint.getKey();
            if (gone.contains(id)) {
                disable(connection, id, WebhookDisabledReason.GONE, null);
            } else if (endpoint.getValue().outcome().delivered()) {
                try (PreparedStatement recovered = connection.prepareStatement("""
                        update webhook_endpoints set failing_since = null, version = version + 1
                        where id = ? and failing_since is not null""")) {
                    recovered.setObject(1, id);
                    recovered.executeUpdate();
                }
            } else {
                try (PreparedStatement failing = connection.prepareStatement("""
                        update webhook_endpoints set failing_since = ?, version = version + 1
                        where id = ? and failing_since is null""")) {
                    failing.setObject(1, firstFailure.get(id).atOffset(ZoneOffset.UTC));
                    failing.setObject(2, id);
                    failing.executeUpdate();
                }
                disable(connection, id, WebhookDisabledReason.FAILING, now.minus(disableAfter));
            }
        }
    }

    /** Disables an enabled endpoint; for FAILING only once it has been failing since {@code failingBefore}. */
    private static void disable(Connection connection, UUID endpoint, WebhookDisabledReason reason, Instant failingBefore)
            throws SQLException {
        try (PreparedStatement disable = connection.prepareStatement("""
                update webhook_endpoints
                set enabled = false, disabled_reason = ?, disabled_at = now(), updated_at = now(), version = version + 1
                where id = ? and enabled""" + (failingBefore == null ? "" : " and failing_since <= ?"))) {
            disable.setString(1, reason.name());
            disable.setObject(2, endpoint);
            if (failingBefore != null) {
                disable.setObject(3, failingBefore.atOffset(ZoneOffset.UTC));
            }
            disable.executeUpdate();
        }
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
