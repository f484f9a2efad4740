package dev.accords.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A plain HTTP client that never throws: every exchange becomes an {@link Outcome} with its timing,
 * so a test can count what the service answered, how fast, and what never got an answer.
 */
final class HttpProbe {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final HttpClient client;

    HttpProbe(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /**
     * One exchange. {@code status} is -1 when no response came (connection refused or reset,
     * timeout); {@code error} then says why.
     */
    record Outcome(String method, String path, long startNanos, long endNanos, int status,
                   Map<String, java.util.List<String>> headers, String body, String error) {

        double millis() {
            return (endNanos - startNanos) / 1_000_000.0;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        String text(String field) {
            JsonNode value = json().get(field);
            return value == null || value.isNull() ? null : value.asText();
        }

        @Override
        public String toString() {
            return method + " " + path + " -> " + (status < 0 ? error : status + " " + body) + " in " + (long) millis() + " ms";
        }
    }

    Outcome get(String path, Duration timeout) {
        return send("GET", path, null, null, Map.of(), timeout);
    }

    Outcome get(String path, String authorization) {
        return send("GET", path, null, null, Map.of("Authorization", authorization), DEFAULT_TIMEOUT);
    }

    Outcome post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, "application/json", body, headers, DEFAULT_TIMEOUT);
    }

    Outcome patch(String path, Object body, Map<String, String> headers) {
        return send("PATCH", path, "application/merge-patch+json", body, headers, DEFAULT_TIMEOUT);
    }

    Outcome send(String method, String path, String contentType, Object body, Map<String, String> headers,
                 Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, publisher);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(method, path, start, System.nanoTime(), response.statusCode(),
                    response.headers().map(), response.body(), null);
        } catch (IOException e) {
            return new Outcome(method, path, start, System.nanoTime(), -1, Map.of(), "",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(method, path, start, System.nanoTime(), -1, Map.of(), "", "interrupted");
        }
    }
}
