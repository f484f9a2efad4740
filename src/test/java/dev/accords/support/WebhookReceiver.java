package dev.accords.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.awaitility.Awaitility;

/**
 * A webhook receiver on a loopback port, for tests: it records every request it gets and answers
 * with the scripted answers in turn, then with its default (200 unless changed).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as it arrived: lower-case header names. */
    public record Received(Instant at, String path, Map<String, String> headers, String body) {
        public String webhookId() {
            return headers.get("webhook-id");
        }
    }

    /** One answer: a status, headers, a body, and how long to wait before answering. */
    public record Answer(int status, Map<String, String> headers, byte[] body, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Map.of(), ("answer " + status).getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Answer(status, more, body, delay);
        }

        public Answer withBody(byte[] bytes) {
            return new Answer(status, headers, bytes, delay);
        }

        public Answer after(Duration wait) {
            return new Answer(status, headers, body, wait);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = Answer.status(200);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234/hooks}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the next requests with these, one each, in order. */
    public WebhookReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Answers with this once the scripted answers are used up. */
    public WebhookReceiver otherwise(Answer answer) {
        otherwise = answer;
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits (at most 30 s) until at least {@code count} requests matching the filter arrived; returns them. */
    public List<Received> await(int count, Predicate<Received> filter) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> received.stream().filter(filter).count() >= count);
        return received.stream().filter(filter).toList();
    }

    public List<Received> await(int count) {
        return await(count, any -> true);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(Instant.now(), exchange.getRequestURI().getPath(), headers, body));
            Answer answer = script.poll();
            if (answer == null) {
                answer = otherwise;
            }
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the service gave up on this answer (a timeout, a capped body): nothing to do
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
