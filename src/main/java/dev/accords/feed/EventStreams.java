package dev.accords.feed;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.security.PartyScope;

/**
 * The live event streams of this instance. Streams hold no database connection: one pump thread
 * reads the feed table when woken ({@link EventNotifications}: a NOTIFY from any instance's commit,
 * or its once-a-second safety net) and hands each stream what it has not seen yet.
 *
 * <p>Streams at the head of the feed share one read per wake. A stream that is behind (it resumed
 * with {@code Last-Event-ID}, or was slow) reads its own filtered events from its position, a
 * bounded batch per wake, until it is back at the head. Only the pump thread moves positions, so an
 * event is handed to a stream exactly once, in feed order.
 *
 * <p>The threads are plain JDK executors rather than a scheduler extension: two threads, no
 * persistence, nothing to configure.
 */
@ApplicationScoped
public class EventStreams {

    static final int BATCH = 200;
    private static final Logger LOG = Logger.getLogger(EventStreams.class);

    @Inject
    ChangeFeedService feed;
    @Inject
    ObjectMapper mapper;
    @Inject
    PartyScope partyScope;
    /** A comment line this often keeps proxies from closing an idle stream, and finds vanished clients. */
    @ConfigProperty(name = "accords.events.heartbeat-interval", defaultValue = "15S")
    Duration heartbeat;

    private final Set<StreamSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "accords-event-pump");
        thread.setDaemon(true);
        return thread;
    });
    /** After the newest event the pump has read; null while no stream is open. Pump thread only. */
    private FeedCursor head;

    @PostConstruct
    void startHeartbeat() {
        pump.scheduleAtFixedRate(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the events matching {@code query}, after {@code query.after()}; a null
     * position starts at the head of the feed as it is now, read before the client learns that the
     * stream is open, so it gets every event committed from then on and none from before. (The
     * pump's own head may lag behind by a wake, so it is not used for this.)
     */
    public void open(SseEventSink sink, Sse sse, FeedQuery query) {
        FeedCursor from = query.after() != null ? query.after() : feed.head();
        StreamSubscriber subscriber = new StreamSubscriber(sink, sse, query, from, partyScope.noteReaderOfThisRequest());
        // Commits the response headers at once, so the client knows the stream is open.
        subscriber.comment("stream open");
        subscribers.add(subscriber);
        wake();
    }

    /** Open streams on this instance. */
    public int size() {
        return subscribers.size();
    }

    void committed(@Observes EventsCommitted committed) {
        wake();
    }

    /** Asks the pump to look at the feed; wakes that arrive while one is queued are merged. */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            pump.execute(() -> {
                wakeQueued.set(false);
                pumpOnce();
            });
        }
    }

    private void pumpOnce() {
        subscribers.removeIf(subscriber -> !subscriber.isOpen());
        if (subscribers.isEmpty()) {
            head = null;
            return;
        }
        try {
            boolean more = advance();
            if (more) {
                wake();
            }
        } catch (RuntimeException e) {
            // The database is away or the pool exhausted: the next wake (at most a second away) tries again.
            LOG.debugf("event streams could not read the feed: %s", e.getMessage());
        }
    }

    /** One round: the shared read at the head, then one batch for each stream that is behind. */
    private boolean advance() {
        if (head == null) {
            head = feed.head();
        }
        FeedCursor before = head;
        List<FeedEvent> batch = feed.events(new FeedQuery(before, null, null, BATCH));
        FeedCursor after = batch.isEmpty() ? before : cursorOf(batch.get(batch.size() - 1));
        boolean more = batch.size() == BATCH;
        List<String> texts = batch.stream().map(this::json).toList();
        for (StreamSubscriber subscriber : subscribers) {
            if (subscriber.position.equals(before)) {
                for (int i = 0; i < batch.size(); i++) {
                    if (subscriber.query.matches(batch.get(i))) {
                        subscriber.send(batch.get(i), texts.get(i), this::json);
                    }
                }
                subscriber.position = after;
            } else if (subscriber.hasRoom()) {
                more |= catchUp(subscriber, after);
            } else {
                more = true;
            }
        }
        head = after;
        return more;
    }

    /** Sends a stream that is behind its next batch; true while it has more to read. */
    private boolean catchUp(StreamSubscriber subscriber, FeedCursor newHead) {
        List<FeedEvent> events = feed.events(subscriber.query.from(subscriber.position).withLimit(BATCH));
        for (FeedEvent event : events) {
            subscriber.send(event, json(event), this::json);
        }
        FeedCursor last = events.isEmpty() ? subscriber.position : cursorOf(events.get(events.size() - 1));
        if (events.size() == BATCH) {
            subscriber.position = last;
            return true;
        }
        // Read everything it follows up to now, which is at or past the head: it is back at the head
        // unless it just received events newer than the head, which the next shared read starts after.
        subscriber.position = last.isAfter(newHead) ? last : newHead;
        return false;
    }

    private void heartbeat() {
        subscribers.removeIf(subscriber -> !subscriber.isOpen());
        subscribers.forEach(subscriber -> subscriber.comment("heartbeat"));
    }

    private String json(FeedEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serializable", e);
        }
    }

    private static FeedCursor cursorOf(FeedEvent event) {
        return FeedCursor.decodeOrStart(event.cursor(), "cursor");
    }

    /**
     * Ends every stream (clients reconnect elsewhere with Last-Event-ID). Called as soon as the
     * process is asked to stop, because Quarkus waits for running requests, and a stream is one.
     */
    @PreDestroy
    void closeAll() {
        subscribers.forEach(StreamSubscriber::close);
        subscribers.clear();
        pump.shutdownNow();
    }
}
