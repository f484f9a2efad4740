package dev.accords.feed;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.jboss.logging.Logger;

/**
 * One open event stream: its client's connection, what it follows, and how far it has got. Only
 * the pump thread of {@link EventStreams} moves {@link #position}; sends complete on I/O threads.
 *
 * <p>A client that stops reading is not buffered for without end: once {@link #MAX_PENDING} events
 * wait to be written to its connection, the stream is closed. The client reconnects with
 * {@code Last-Event-ID} and catches up from the table, at its own pace.
 */
final class StreamSubscriber {

    static final int MAX_PENDING = 256;
    private static final Logger LOG = Logger.getLogger(StreamSubscriber.class);

    final FeedQuery query;
    /** Whose private notes this stream's caller may read, fixed when it opened. */
    private final Predicate<String> mayReadNotesOf;
    private final SseEventSink sink;
    private final Sse sse;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** After the last event this stream was sent (or skipped, when it did not match). */
    FeedCursor position;

    StreamSubscriber(SseEventSink sink, Sse sse, FeedQuery query, FeedCursor position,
                     Predicate<String> mayReadNotesOf) {
        this.sink = sink;
        this.mayReadNotesOf = mayReadNotesOf;
        this.sse = sse;
        this.query = query;
        this.position = position;
    }

    boolean isOpen() {
        return !closed.get() && !sink.isClosed();
    }

    /** Whether it can take more events now; a lagging stream catches up once it has drained. */
    boolean hasRoom() {
        return pending.get() < MAX_PENDING / 2;
    }

    /**
     * Sends an event as JSON: {@code publicJson}, the text every stream shares, unless the event has a
     * part this stream's caller may read (its party's note), which is then encoded for it alone.
     */
    void send(FeedEvent event, String publicJson, Function<FeedEvent, String> encode) {
        FeedEvent readable = event.readableBy(mayReadNotesOf);
        send(event, readable == event || readable.changes() == event.changes() ? publicJson : encode.apply(readable));
    }

    private void send(FeedEvent event, String json) {
        // Already JSON: sent as text, so no message body writer encodes it a second time.
        send(sse.newEventBuilder().id(event.cursor()).mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json)
                .build());
    }

    void comment(String text) {
        send(sse.newEventBuilder().comment(text).build());
    }

    private void send(OutboundSseEvent event) {
        if (!isOpen()) {
            return;
        }
        if (pending.incrementAndGet() > MAX_PENDING) {
            LOG.infof("Closing an event stream whose client has not read its last %d events; it can resume "
                    + "with Last-Event-ID", MAX_PENDING);
            close();
            return;
        }
        sink.send(event).whenComplete((done, failure) -> {
            pending.decrementAndGet();
            if (failure != null) {
                close();
            }
        });
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing an event stream: %s", e.getMessage());
            }
        }
    }
}
