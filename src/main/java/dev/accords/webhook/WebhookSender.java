package dev.accords.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one attempt: a signed POST, bounded in every way a receiver could stretch it. Connecting
 * and waiting for the answer have short timeouts, redirects are not followed (a 3xx is a failed
 * attempt: following one would let a receiver point the service at an address the URL check never
 * saw), and no more than 64 KiB of an answer is read. No database connection is held meanwhile.
 */
@ApplicationScoped
public class WebhookSender {

    static final int MAX_RESPONSE_BYTES = 64 * 1024;
    static final int EXCERPT_CHARS = 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    @Inject
    WebhookUrls urls;
    @ConfigProperty(name = "accords.webhooks.connect-timeout")
    Duration connectTimeout;
    @ConfigProperty(name = "accords.webhooks.response-timeout")
    Duration responseTimeout;

    private volatile HttpClient client;

    /**
     * Starts one attempt and completes with its outcome; never completes exceptionally. The URL
     * check (which may resolve the host) runs on the caller's thread, the exchange on the HTTP
     * client's, so an attempt holds no thread while it waits for the receiver.
     */
    CompletableFuture<WebhookAttemptOutcome> send(String url, String webhookId, String body, List<String> secrets) {
        long started = System.nanoTime();
        String refusal = urls.refusal(url);
        if (refusal != null) {
            return CompletableFuture.completedFuture(WebhookAttemptOutcome.noAnswer(0, "not sent: the URL " + refusal));
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(responseTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Accords-Webhooks/1")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.header(secrets, webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Captured>> answer = client().sendAsync(request, info -> new CappedBody());
        // The request's own timeout ends at the answer's headers; this one also bounds reading the body.
        return answer.orTimeout(responseTimeout.toMillis() * 2, TimeUnit.MILLISECONDS).handle((response, failure) -> {
            if (failure == null) {
                Captured captured = response.body();
                return new WebhookAttemptOutcome(response.statusCode(), millisSince(started), captured.excerpt(),
                        captured.truncated() ? "response over 64 KiB: not read past its first 64 KiB" : null,
                        retryAfter(response.headers().firstValue("Retry-After")));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                answer.cancel(true);
                return WebhookAttemptOutcome.noAnswer(millisSince(started),
                        "no complete answer within " + responseTimeout.toSeconds() * 2 + " s");
            }
            return WebhookAttemptOutcome.noAnswer(millisSince(started), describe(cause));
        });
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
                }
            }
        }
        return client;
    }

    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connect timed out after " + connectTimeout.toSeconds() + " s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + responseTimeout.toSeconds() + " s";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof IOException) {
            return "connection failed: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
        }
        return "not sent: " + failure;
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : min(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : min(until);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration min(Duration wait) {
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** The first bytes of an answer, as text for the log, and whether there was more than the cap. */
    record Captured(String excerpt, boolean truncated) {
    }

    /**
     * Reads an answer's body up to {@link #MAX_RESPONSE_BYTES} and cancels the rest. By hand: the
     * JDK's body handlers read a body whole or hand out a stream, and neither stops at a size.
     */
    static final class CappedBody implements HttpResponse.BodySubscriber<Captured> {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<Captured> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<Captured> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                int room = MAX_RESPONSE_BYTES - bytes.size();
                if (item.remaining() > room) {
                    byte[] part = new byte[room];
                    item.get(part);
                    bytes.write(part, 0, part.length);
                    subscription.cancel();
                    result.complete(captured(true));
                    return;
                }
                byte[] all = new byte[item.remaining()];
                item.get(all);
                bytes.write(all, 0, all.length);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(captured(false));
        }

        private Captured captured(boolean truncated) {
            String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
            return new Captured(text.isEmpty() ? null : text.substring(0, Math.min(text.length(), EXCERPT_CHARS)), truncated);
        }
    }
}
