package dev.accords.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.feed.ChangeFeedService;
import dev.accords.feed.EventsCommitted;
import dev.accords.feed.FeedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends due deliveries from this instance. One thread claims them ({@link WebhookDispatchStore}:
 * a short transaction, at most as many as there are free senders) when woken: by a commit that
 * wrote events on any instance ({@link EventsCommitted}), by a ping or redelivery here, by a sender
 * that finished, and every poll interval for retries that became due. A fixed pool of sender
 * threads makes the requests, so a slow or dead receiver occupies senders, never database
 * connections or the API's own threads.
 *
 * <p>Plain JDK executors rather than the scheduler extension, as for the event streams: a loop and
 * a pool, nothing to persist.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    WebhookDispatchStore store;
    @Inject
    WebhookSender sender;
    @Inject
    ChangeFeedService feed;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "accords.webhooks.senders")
    int senders;
    @ConfigProperty(name = "accords.webhooks.poll-interval")
    Duration pollInterval;

    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "accords-webhook-dispatcher"));
    private ExecutorService sending;

    void start(@Observes StartupEvent started) {
        AtomicInteger number = new AtomicInteger();
        sending = Executors.newFixedThreadPool(senders,
                runnable -> daemon(runnable, "accords-webhook-sender-" + number.incrementAndGet()));
        loop.scheduleWithFixedDelay(this::wake, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void committed(@Observes EventsCommitted committed) {
        wake();
    }

    /** Asks the loop to claim what is due; wakes that arrive while one is queued are merged. */
    public void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                loop.execute(() -> {
                    wakeQueued.set(false);
                    dispatchOnce();
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                wakeQueued.set(false);
            }
        }
    }

    private void dispatchOnce() {
        int free = senders - inFlight.get();
        if (free <= 0 || sending == null) {
            return;
        }
        List<WebhookDispatchStore.Claimed> claimed;
        Map<Long, FeedEvent> events;
        try {
            claimed = store.claim(free);
            if (claimed.isEmpty()) {
                return;
            }
            events = feed.byIds(claimed.stream().map(c -> c.delivery().eventId()).filter(Objects::nonNull).distinct().toList());
        } catch (RuntimeException e) {
            // The database is away: what was claimed is taken again when its lease runs out.
            LOG.debugf("webhook deliveries could not be claimed: %s", e.getMessage());
            return;
        }
        for (WebhookDispatchStore.Claimed delivery : claimed) {
            String body = body(WebhookDeliveryService.payload(delivery.delivery(), events));
            inFlight.incrementAndGet();
            sending.execute(() -> {
                try {
                    attempt(delivery, body);
                } finally {
                    inFlight.decrementAndGet();
                    wake();
                }
            });
        }
    }

    private void attempt(WebhookDispatchStore.Claimed claimed, String body) {
        Instant attemptedAt = Instant.now();
        WebhookAttemptOutcome outcome = sender.send(claimed.url(), claimed.delivery().id().toString(), body, claimed.secrets());
        try {
            store.record(claimed, attemptedAt, outcome);
        } catch (RuntimeException e) {
            // Sent but not recorded: the lease runs out and the delivery is sent again (at least once).
            LOG.warnf("The outcome of webhook delivery %s (attempt %d) could not be recorded; it will be sent again: %s",
                    claimed.delivery().id(), claimed.delivery().attemptCount(), e.getMessage());
        }
    }

    private String body(WebhookPayload payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload not serializable", e);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        loop.shutdownNow();
        if (sending != null) {
            sending.shutdownNow();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
