package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * What the service takes of a request before routing it: a path and query that are a valid URI of
 * at most 4,096 characters, and headers of at most 20 KiB. Beyond that, a 400, 414 or 431 problem
 * with a request id, where the layers below answered a bare status with no body.
 */
@QuarkusTest
class RequestLimitsApiTest extends BadInputApiTest {

    @TestHTTPResource("/")
    URI root;

    /** Before, Quarkus answered every one of these with a bare 400: no body, no request id. */
    @Test
    void shouldRefuseAPathOrQueryThatIsNotAValidUri() throws IOException {
        String agreement = existingAgreement();
        // request target -> the part named in errors, and the problem's instance (the path, percent-encoded)
        Map<String, String[]> targets = new LinkedHashMap<>();
        targets.put("/v1/agreements/%E0%A4%A", new String[]{"path", "/v1/agreements/%E0%A4%25A"});
        targets.put("/v1/agreements/%", new String[]{"path", "/v1/agreements/%25"});
        targets.put("/v1/agreements/%G1", new String[]{"path", "/v1/agreements/%25G1"});
        targets.put("/v1/agreements/a|b", new String[]{"path", "/v1/agreements/a%7Cb"});
        targets.put("/v1/agreements/caf\u00e9", new String[]{"path", "/v1/agreements/caf%C3%A9"});
        targets.put("/v1/nowhere/%%", new String[]{"path", "/v1/nowhere/%25%25"});
        targets.put("/v1/agreements?q=%G1", new String[]{"query", "/v1/agreements"});
        targets.put("/v1/agreements?q={}", new String[]{"query", "/v1/agreements"});
        targets.put(agreement + "?x=%", new String[]{"query", agreement});
        for (Map.Entry<String, String[]> target : targets.entrySet()) {
            for (String method : new String[]{"GET", "DELETE"}) {
                var before = database.fingerprint();
                RawResponse response = send(method + " " + target.getKey() + " HTTP/1.1\r\n");
                JsonNode problem = problem(response, 400, "VALIDATION_FAILED", target.getValue()[1]);
                assertThat(problem.path("errors").get(0).path("field").asText()).as(response.body())
                        .isEqualTo(target.getValue()[0]);
                assertThat(database.fingerprint()).as("database after %s %s", method, target.getKey()).isEqualTo(before);
            }
        }
        api().get(agreement).then().statusCode(200);
    }

    /**
     * What the router refuses before any handler runs. Before: a bare 404 for a path without a
     * leading slash, and Quarkus' own error body (logged as an error) for an empty path or a Host
     * header that names no host.
     */
    @Test
    void shouldAnswerARequestTheRouterCannotRouteWithAProblem() throws IOException {
        JsonNode problem = problem(send("GET ?limit=1 HTTP/1.1\r\n"), 400, "VALIDATION_FAILED", "");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("path");
        problem(send("GET agreements HTTP/1.1\r\n"), 404, "ROUTE_NOT_FOUND", "agreements");
        problem(send("OPTIONS * HTTP/1.1\r\n"), 404, "ROUTE_NOT_FOUND", "*");
        for (String host : new String[]{"a b", "[::1", "host:port"}) {
            problem = problem(sendWithHost("GET /v1/agreements HTTP/1.1\r\n", host), 400, "VALIDATION_FAILED", AGREEMENTS);
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Host");
        }
    }

    /** Before, the HTTP codec answered a bare 414. */
    @Test
    void shouldRefuseAPathAndQueryOver4096CharactersWith414() {
        String query = "?q=" + "q".repeat(5000);
        refused(414, "URI_TOO_LONG", AGREEMENTS, r -> r.get(AGREEMENTS + query));
        String path = AGREEMENTS + "/" + "a".repeat(4097 - AGREEMENTS.length() - 1);
        JsonPath problem = refused(414, "URI_TOO_LONG", path.substring(0, 2039) + "%E2%80%A6", r -> r.get(path));
        assertThat(problem.getString("detail")).contains("4096 characters");
        String agreement = existingAgreement();
        refused(414, "URI_TOO_LONG", agreement, r -> r.delete(agreement + query));
        api().get(agreement).then().statusCode(200);
    }

    @Test
    void shouldJudgeAPathAndQueryOfExactly4096CharactersOnItsParameters() {
        String target = AGREEMENTS + "?q=" + "q".repeat(4096 - AGREEMENTS.length() - 3);
        assertThat(target).hasSize(4096);
        JsonPath problem = refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.get(target));
        assertThat(problem.getString("errors[0].field")).isEqualTo("q");
    }

    /** Before, the HTTP codec answered a bare 431. */
    @Test
    void shouldRefuseHeadersOver20KibWith431() {
        JsonPath problem = refused(431, "HEADERS_TOO_LARGE", AGREEMENTS, withHeaders(300, r -> r.get(AGREEMENTS)));
        assertThat(problem.getString("detail")).contains("20 KiB");
        String agreement = existingAgreement();
        refused(431, "HEADERS_TOO_LARGE", agreement, withHeaders(300, r -> r.delete(agreement)));
        api().get(agreement).then().statusCode(200);
    }

    @Test
    void shouldStillServeARequestWithHeadersWithinTheLimit() {
        withHeaders(150, r -> r.get(AGREEMENTS)).apply(badClient()).then().statusCode(200);
    }

    /** Adds {@code count} headers of 100 bytes each ("X-Filler-001: " and the value) to the request. */
    private static Function<RequestSpecification, io.restassured.response.Response> withHeaders(
            int count, Function<RequestSpecification, io.restassured.response.Response> send) {
        return r -> {
            for (int i = 0; i < count; i++) {
                String name = String.format(Locale.ROOT, "X-Filler-%03d", i);
                r.header(name, "f".repeat(100 - name.length() - 2));
            }
            return send.apply(r);
        };
    }

    /** Sends a request line as is, which no HTTP client library would, with the usual headers. */
    private RawResponse send(String requestLine) throws IOException {
        return sendWithHost(requestLine, root.getHost() + ":" + root.getPort());
    }

    private RawResponse sendWithHost(String requestLine, String host) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            // ISO-8859-1 keeps every char one byte, as a client writing raw bytes would send them.
            out.write((requestLine + "Host: " + host + "\r\n"
                    + "Authorization: " + negotiatorAuthorization() + "\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return RawResponse.read(socket.getInputStream());
        }
    }

    /** A response as read off the socket: its status, headers (names in lower case) and body. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        /** The server closes the connection after the answer ("Connection: close"): read to the end. */
        static RawResponse read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            String text = bytes.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head in %s", text).isPositive();
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    /** Checks the response is this problem, complete, with a request id; the problem document. */
    private JsonNode problem(RawResponse response, int status, String code, String instance) throws IOException {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).as("Content-Type").startsWith("application/problem+json");
        assertThat(response.headers().get("x-request-id")).as("X-Request-Id").isNotBlank();
        JsonNode problem = JSON.readTree(response.body());
        assertProblem(problem, response.body(), status, code, instance);
        return problem;
    }
}
