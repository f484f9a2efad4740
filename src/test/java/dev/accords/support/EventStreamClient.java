package dev.accords.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests, as a browser's would behave: it reads the stream line by
 * line on a thread of its own and hands over each event ({@code id} and {@code data}) and each
 * comment as it arrives. The JDK's HTTP client, so no SSE library is needed for a dozen lines of parsing.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One dispatched event, or a comment line (id and data null). */
    public record Message(String id, String data, String comment) {
        public boolean isEvent() {
            return data != null;
        }
    }

    private static final Message END = new Message(null, null, "end of stream");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private volatile boolean ended;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url} with the bearer {@code authorization} and, if not null, {@code Last-Event-ID}. */
    public static EventStreamClient open(String url, String authorization, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            CompletableFuture<HttpResponse<Stream<String>>> opening =
                    HTTP.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            return new EventStreamClient(opening.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("could not open " + url, e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next event (comments skipped), waiting at most {@code timeout}; fails if none came. */
    public Message nextEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = poll(deadline);
            if (message == null || message == END) {
                throw new AssertionError(message == null ? "no event within " + timeout : "the stream ended");
            }
            if (message.isEvent()) {
                return message;
            }
        }
    }

    /** The next comment line (events skipped), waiting at most {@code timeout}; null if none came. */
    public String nextComment(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message message = poll(deadline);
            if (message == null || message == END) {
                return null;
            }
            if (!message.isEvent()) {
                return message.comment();
            }
        }
    }

    /** Every event that arrives within {@code window} from now (comments skipped). */
    public List<Message> eventsWithin(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        List<Message> events = new ArrayList<>();
        while (true) {
            Message message = poll(deadline);
            if (message == null || message == END) {
                return events;
            }
            if (message.isEvent()) {
                events.add(message);
            }
        }
    }

    private Message poll(long deadlineNanos) {
        try {
            return received.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String id = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Message(id, data.toString(), null));
                    }
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Message(null, null, line.substring(1).trim()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // the connection was closed: by the server, or by close() below
        } finally {
            ended = true;
            received.add(END);
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
