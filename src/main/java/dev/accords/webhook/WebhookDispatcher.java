package dev.accords.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Sends due deliveries from this instance. One thread (the loop) records the attempts made since
 * its last turn, in one transaction for all of them, then claims what is due ({@link
 * WebhookDispatchStore}: a short transaction, at most as many as there is room in flight for). It
 * turns when woken: by a commit that wrote events on any instance ({@link EventsCommitted}), by a
 * ping or redelivery here, by an attempt that finished, and every poll interval for retries that
 * became due. Attempts run on the JDK HTTP client's asynchronous exchanges, so a slow or dead
 * receiver takes up places in flight, never threads, database connections or the API's capacity.
 *
 * <p>Plain JDK executors rather than the scheduler extension, as for the event streams: a loop,
 * nothing to persist.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_RECORDED = 500;
    /** Threads that start attempts (the URL check may resolve a host); the exchanges run on the HTTP client's. */
    private static final int STARTERS = 2;

    @Inject
    WebhookDispatchStore store;
    @Inject
    WebhookSender sender;
    @Inject
    ChangeFeedService feed;
    @Inject
    ObjectMapper mapper;
    /** Attempts in flight at once from this instance; each waits on the HTTP client, holding no thread. */
    @ConfigProperty(name = "accords.webhooks.max-in-flight")
    int maxInFlight;
    @ConfigProperty(name = "accords.webhooks.poll-interval")
    Duration pollInterval;

    /** Attempts made and not yet recorded; the loop records them in one transaction per wake. */
    private final ConcurrentLinkedQueue<WebhookDispatchStore.Attempted> attempted = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            runnable -> daemon(runnable, "accords-webhook-dispatcher"));
    private ExecutorService sending;

    void start(@Observes StartupEvent started) {
        AtomicInteger number = new AtomicInteger();
        sending = Executors.newFixedThreadPool(STARTERS,
                runnable -> daemon(runnable, "accords-webhook-starter-" + number.incrementAndGet()));
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
        recordAttempts();
        int free = maxInFlight - inFlight.get();
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
            // Started on a sender thread: checking the URL may wait for DNS, which the loop must not.
            sending.execute(() -> {
                Instant attemptedAt = Instant.now();
                sender.send(delivery.url(), delivery.delivery().id().toString(), body, delivery.secrets())
                        .whenComplete((outcome, impossible) -> {
                            attempted.add(new WebhookDispatchStore.Attempted(delivery, attemptedAt, outcome));
                            inFlight.decrementAndGet();
                            wake();
                        });
            });
        }
    }

    private void recordAttempts() {
        List<WebhookDispatchStore.Attempted> batch = new ArrayList<>();
        for (WebhookDispatchStore.Attempted next; batch.size() < MAX_RECORDED && (next = attempted.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            store.record(batch);
        } catch (RuntimeException e) {
            // Sent but not recorded: the leases run out and the deliveries are sent again (at least once).
            LOG.warnf("The outcomes of %d webhook attempts could not be recorded; those deliveries will be sent again: %s",
                    batch.size(), e.getMessage());
        }
        if (!attempted.isEmpty()) {
            wake();
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
