package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.support.Deal;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Requests that go wrong at the HTTP level: oversized bodies, wrong media types, unknown routes,
 * wrong methods and a bogus {@code Accept}. Each is answered with its own 4xx problem.
 */
@QuarkusTest
class BadHttpRequestTest extends BadInputApiTest {

    @TestHTTPResource("/")
    URI root;

    // --- Oversized bodies ------------------------------------------------------------------------

    @Test
    void shouldRefuseBodyOverOneMebibyte() {
        String body = json(agreementWith("summary", "s".repeat(ONE_MIB)));
        JsonPath problem = refused(413, "PAYLOAD_TOO_LARGE", AGREEMENTS,
                r -> r.contentType("application/json").body(body).post(AGREEMENTS));
        assertThat(problem.getString("detail")).contains("1 MiB");
        String path = existingAgreement();
        refused(413, "PAYLOAD_TOO_LARGE", path,
                r -> r.contentType("application/merge-patch+json").body(body).patch(path));
    }

    @Test
    void shouldRefuseChunkedBodyOverOneMebibyte() throws Exception {
        byte[] body = json(agreementWith("summary", "s".repeat(ONE_MIB))).getBytes(StandardCharsets.UTF_8);
        var before = database.fingerprint();
        HttpResponse<String> response = postChunked(body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode problem = JSON.readTree(response.body());
        assertProblem(problem, response.body(), 413, "PAYLOAD_TOO_LARGE", AGREEMENTS);
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldStillAcceptChunkedBodyWithinTheLimit() throws Exception {
        byte[] body = json(Deal.agreement()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = postChunked(body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).path("title")).isEqualTo(JSON.readTree(body).path("title"));
    }

    @Test
    void shouldJudgeABodyJustUnderTheLimitOnItsFields() {
        String body = json(agreementWith("summary", "s".repeat(ONE_MIB - 1024)));
        refusedField(AGREEMENTS, "summary", r -> r.contentType("application/json").body(body).post(AGREEMENTS));
    }

    // --- Wrong media type ------------------------------------------------------------------------

    @Test
    void shouldRefuseWrongMediaTypeOnCreate() {
        String body = json(Deal.agreement());
        refused(415, "UNSUPPORTED_MEDIA_TYPE", AGREEMENTS, r -> r.contentType("text/plain").body(body).post(AGREEMENTS));
        refused(415, "UNSUPPORTED_MEDIA_TYPE", AGREEMENTS,
                r -> r.contentType("application/x-www-form-urlencoded").body("title=Agreement").post(AGREEMENTS));
        refused(415, "UNSUPPORTED_MEDIA_TYPE", AGREEMENTS,
                r -> r.contentType("application/merge-patch+json").body(body).post(AGREEMENTS));
    }

    @Test
    void shouldRefuseWrongMediaTypeOnPatch() {
        String path = existingAgreement();
        refused(415, "UNSUPPORTED_MEDIA_TYPE", path,
                r -> r.contentType("application/xml").body("<agreement><summary>s</summary></agreement>").patch(path));
    }

    // --- Unknown route, wrong method, bogus Accept -----------------------------------------------

    @Test
    void shouldAnswerNotFoundForUnknownRoutes() {
        for (String path : List.of("/v1/nowhere", "/v2/agreements", "/agreements", "/v1",
                AGREEMENTS + "/" + UNKNOWN_ID + "/annexes")) {
            refused(404, "ROUTE_NOT_FOUND", path, r -> r.get(path));
        }
        refused(404, "ROUTE_NOT_FOUND", "/v1/nowhere",
                r -> r.contentType("application/json").body(Deal.agreement()).post("/v1/nowhere"));
    }

    @Test
    void shouldAnswerNotFoundForATrailingSlash() {
        String agreement = existingAgreement();
        for (String path : List.of(AGREEMENTS + "/", agreement + "/", agreement + "/clauses/", "/v1/open-clauses/")) {
            refused(404, "ROUTE_NOT_FOUND", path, r -> r.get(path));
        }
        refused(404, "ROUTE_NOT_FOUND", AGREEMENTS + "/",
                r -> r.contentType("application/json").body(Deal.agreement()).post(AGREEMENTS + "/"));
        refused(404, "ROUTE_NOT_FOUND", agreement + "/", r -> r.delete(agreement + "/"));
        api().get(agreement).then().statusCode(200);
    }

    /** Before, JAX-RS dropped them: GET /v1/agreements;jsessionid=x listed the agreements. */
    @Test
    void shouldAnswerNotFoundForMatrixParameters() {
        String agreement = existingAgreement();
        for (String path : List.of(AGREEMENTS + ";jsessionid=x", agreement + ";version=1", agreement + ";",
                agreement + "/clauses;status=AGREED", "/v1;v=1/agreements")) {
            JsonPath problem = refused(404, "ROUTE_NOT_FOUND", path, r -> r.urlEncodingEnabled(false).get(path));
            assertThat(problem.getString("detail")).contains("matrix parameters");
        }
        refused(404, "ROUTE_NOT_FOUND", AGREEMENTS + ";jsessionid=x", r -> r.urlEncodingEnabled(false)
                .contentType("application/json").body(Deal.agreement()).post(AGREEMENTS + ";jsessionid=x"));
        refused(404, "ROUTE_NOT_FOUND", agreement + ";x", r -> r.urlEncodingEnabled(false).delete(agreement + ";x"));
        api().get(agreement).then().statusCode(200);
    }

    @Test
    void shouldAnswerMethodNotAllowedForWrongMethods() {
        String path = existingAgreement();
        refused(405, "METHOD_NOT_ALLOWED", AGREEMENTS,
                r -> r.contentType("application/json").body(Deal.agreement()).put(AGREEMENTS));
        refused(405, "METHOD_NOT_ALLOWED", AGREEMENTS, r -> r.delete(AGREEMENTS));
        refused(405, "METHOD_NOT_ALLOWED", AGREEMENTS,
                r -> r.contentType("application/merge-patch+json").body(Map.of("summary", "s")).patch(AGREEMENTS));
        refused(405, "METHOD_NOT_ALLOWED", path,
                r -> r.contentType("application/json").body(Deal.agreement()).post(path));
        refused(405, "METHOD_NOT_ALLOWED", path,
                r -> r.contentType("application/json").body(Deal.agreement()).put(path));
    }

    /** Also below another resource's path, where Quarkus REST answered a wrong method with a 404. */
    @Test
    void shouldAnswer405WithAllowHeader() {
        String agreement = existingAgreement();
        String signature = agreement + "/signatories/" + UNKNOWN_ID + "/signature";
        String position = agreement + "/clauses/" + UNKNOWN_ID + "/positions/US";
        Map<String, Function<RequestSpecification, Response>> wrongMethods = new LinkedHashMap<>();
        wrongMethods.put(AGREEMENTS, r -> r.contentType("application/json").body(Deal.agreement()).put(AGREEMENTS));
        wrongMethods.put(agreement, r -> r.contentType("application/json").body(Deal.agreement()).post(agreement));
        wrongMethods.put(signature, r -> r.get(signature));
        wrongMethods.put(position, r -> r.delete(position));
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        wrongMethods.forEach((path, send) ->
                allowed.put(path, methods(refusedResponse(405, "METHOD_NOT_ALLOWED", path, send).header("Allow"))));
        assertThat(allowed).containsExactly(
                Map.entry(AGREEMENTS, Set.of("GET", "HEAD", "OPTIONS", "POST")),
                Map.entry(agreement, Set.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH")),
                Map.entry(signature, Set.of("OPTIONS", "POST")),
                Map.entry(position, Set.of("OPTIONS", "PUT")));
    }

    /** The methods an {@code Allow} header lists. */
    private static Set<String> methods(String allow) {
        assertThat(allow).as("Allow").isNotNull();
        return Set.copyOf(List.of(allow.split("\\s*,\\s*")));
    }

    @Test
    void shouldAnswerNotAcceptableForBogusAccept() {
        refused(406, "NOT_ACCEPTABLE", AGREEMENTS, r -> r.accept("text/csv").get(AGREEMENTS));
        String path = existingAgreement();
        refused(406, "NOT_ACCEPTABLE", path, r -> r.accept("application/xml").get(path));
        refused(406, "NOT_ACCEPTABLE", AGREEMENTS,
                r -> r.accept("text/html").contentType("application/json").body(Deal.agreement()).post(AGREEMENTS));
    }

    /** POSTs a body without Content-Length: it arrives in chunks and is only found too large while it is read. */
    private HttpResponse<String> postChunked(byte[] body) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(root.resolve(AGREEMENTS))
                        .header("Content-Type", "application/json")
                        .header("Authorization", negotiatorAuthorization())
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
