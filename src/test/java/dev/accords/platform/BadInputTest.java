package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.problem.ProblemCode;
import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every kind of bad input of docs/API-CONVENTIONS.md §15, and a few more a real client sends
 * by mistake: each is refused with the exact 4xx as an {@code application/problem+json} document
 * that is complete, says nothing about the implementation, and leaves the database as it was.
 */
@QuarkusTest
class BadInputTest extends ApiTest {

    private static final String AGREEMENTS = "/v1/agreements";
    private static final String UNKNOWN_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final int ONE_MIB = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the implementation must never show a client: Java, stack traces, SQL. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("java\\."), Pattern.compile("jakarta\\."), Pattern.compile("org\\."),
            Pattern.compile("com\\."), Pattern.compile("io\\.(quarkus|vertx|agroal|smallrye|netty)"),
            Pattern.compile("Exception"), Pattern.compile("\\bat [\\w$.]+\\("), Pattern.compile("\\.java:\\d+"),
            Pattern.compile("Caused by"), Pattern.compile("(?i)hibernate|jackson|resteasy|postgres|psql|jdbc"),
            Pattern.compile("(?i)\\bselect\\b.+\\bfrom\\b"), Pattern.compile("(?i)\\binsert\\s+into\\b"),
            Pattern.compile("(?i)\\bupdate\\b.+\\bset\\b"), Pattern.compile("(?i)\\bdelete\\s+from\\b"),
            Pattern.compile("(?i)sqlstate|constraint|violates|duplicate key"));

    /** Every (code, title), (code, status) and (code, type) seen in this class's responses. */
    private static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URI root;

    // --- Malformed JSON ---------------------------------------------------------------------------

    @Test
    void shouldRefuseMalformedJsonOnCreate() {
        JsonPath problem = refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body("{\"title\": ").post(AGREEMENTS));
        assertThat(problem.getString("detail")).contains("line 1");
    }

    @Test
    void shouldRefuseBrokenJsonInsideAListAsMalformedNotInvalid() {
        JsonPath problem = refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS, r -> r.contentType("application/json")
                .body("{\"title\": \"Minerals\", \"parties\": [{\"code\": \"US\", \"name\": \"United States\",}]}")
                .post(AGREEMENTS));
        assertThat(problem.getString("detail")).startsWith("the body is not valid JSON (line 1, column ");
    }

    @Test
    void shouldRefuseMalformedJsonOnPatch() {
        String path = existingAgreement();
        refused(400, "MALFORMED_REQUEST_BODY", path,
                r -> r.contentType("application/merge-patch+json").body("{\"summary\": 'single quotes'}").patch(path));
    }

    @Test
    void shouldRefuseEmptyBodyOnCreate() {
        JsonPath problem = refused(400, "VALIDATION_FAILED", AGREEMENTS,
                r -> r.contentType("application/json").body("").post(AGREEMENTS));
        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
    }

    @Test
    void shouldRefuseEmptyBodyOnPatch() {
        String path = existingAgreement();
        JsonPath problem = refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body("").patch(path));
        assertThat(problem.getString("errors[0].field")).isEqualTo("body");
    }

    @Test
    void shouldRefuseJsonArrayInsteadOfObject() {
        refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body(List.of(Deal.agreement())).post(AGREEMENTS));
        refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body("[]").post(AGREEMENTS));
    }

    @Test
    void shouldRefuseJsonScalarInsteadOfObject() {
        refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body("\"US–Ukraine\"").post(AGREEMENTS));
        refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body("42").post(AGREEMENTS));
    }

    @Test
    void shouldRefuseDuplicateJsonKeys() {
        String body = json(Deal.agreement()).replaceFirst("\\{", "{\"title\":\"First\",");
        JsonPath problem = refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body(body).post(AGREEMENTS));
        assertThat(problem.getString("detail")).contains("duplicate field \"title\"").doesNotContain("not valid JSON");
        String nested = json(Deal.agreement()).replaceFirst("\"code\":", "\"code\":\"EU\",\"code\":");
        problem = refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body(nested).post(AGREEMENTS));
        assertThat(problem.getString("detail")).contains("duplicate field \"parties[0].code\"");
    }

    @Test
    void shouldRefuseTrailingGarbageAfterJson() {
        String body = json(Deal.agreement());
        refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body(body + " garbage").post(AGREEMENTS));
        refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS,
                r -> r.contentType("application/json").body(body + body).post(AGREEMENTS));
    }

    // --- Wrong types ------------------------------------------------------------------------------

    @Test
    void shouldRefuseNumberWhereStringIsExpected() {
        JsonPath problem = refusedField(AGREEMENTS, "title", with("title", 123));
        assertThat(problem.getString("errors[0].message")).contains("a string");
        refusedField(AGREEMENTS, "parties[1].name",
                with("parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", 804))));
        refusedField(AGREEMENTS, "tags[0]", with("tags", List.of(7)));
    }

    @Test
    void shouldRefuseStringWhereNumberIsExpected() {
        JsonPath problem = refused(400, "VALIDATION_FAILED", AGREEMENTS,
                r -> r.queryParam("limit", "twenty").get(AGREEMENTS));
        assertThat(problem.getString("errors[0].field")).isEqualTo("limit");
        refusedField(AGREEMENTS, "plannedSigningDate", with("plannedSigningDate", 20250228));
    }

    @Test
    void shouldRefuseOtherWrongTypes() {
        refusedField(AGREEMENTS, "title", with("title", true));
        refusedField(AGREEMENTS, "title", with("title", Map.of("en", "Agreement")));
        refusedField(AGREEMENTS, "parties", with("parties", "US,UA"));
        refusedField(AGREEMENTS, "parties[0]", with("parties", List.of("US", "UA")));
        refusedField(AGREEMENTS, "tags", with("tags", "security"));
        refusedField(AGREEMENTS, "plannedSigningDate", with("plannedSigningDate", "2025-02-30"));
        refusedField(AGREEMENTS, "plannedSigningDate", with("plannedSigningDate", "28/02/2025"));
    }

    // --- Unknown fields ---------------------------------------------------------------------------

    @Test
    void shouldRefuseUnknownFieldAndNameIt() {
        JsonPath problem = refusedField(AGREEMENTS, "colour", with("colour", "blue"));
        assertThat(problem.getString("errors[0].message"))
                .contains("parties, plannedSigningDate, signingPlace, status, summary, tags, title");
        assertThat(problem.getString("detail")).contains("colour");
    }

    @Test
    void shouldRefuseUnknownNestedField() {
        refusedField(AGREEMENTS, "parties[0].flag", with("parties",
                List.of(Map.of("code", "US", "name", "United States", "flag", "🇺🇸"), Map.of("code", "UA", "name", "Ukraine"))));
    }

    @Test
    void shouldRefuseServerSetFieldsEchoedBack() {
        refusedField(AGREEMENTS, "id", with("id", UNKNOWN_ID));
        String path = existingAgreement();
        JsonPath problem = refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body(Map.of("version", 0)).patch(path));
        assertThat(problem.getString("errors[0].field")).isEqualTo("version");
    }

    // --- Out-of-range values ----------------------------------------------------------------------

    @Test
    void shouldRefuseTooLongTitle() {
        refusedField(AGREEMENTS, "title", with("title", "x".repeat(201)));
        String path = existingAgreement();
        refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body(Map.of("title", "x".repeat(201))).patch(path));
    }

    @Test
    void shouldRefuseBlankTitle() {
        refusedField(AGREEMENTS, "title", with("title", ""));
        refusedField(AGREEMENTS, "title", with("title", "   "));
    }

    @Test
    void shouldRefuseTooManyAndTooFewParties() {
        List<Map<String, String>> many = IntStream.range(0, 21)
                .mapToObj(i -> Map.of("code", "P" + i, "name", "Party " + i)).toList();
        refusedField(AGREEMENTS, "parties", with("parties", many));
        refusedField(AGREEMENTS, "parties", with("parties", List.of(Map.of("code", "US", "name", "United States"))));
    }

    @Test
    void shouldRefuseOutOfRangePartyCodesAndNames() {
        refusedField(AGREEMENTS, "parties[0].code", with("parties",
                List.of(Map.of("code", "UNITEDSTATES", "name", "United States"), Map.of("code", "UA", "name", "Ukraine"))));
        refusedField(AGREEMENTS, "parties[0].code", with("parties",
                List.of(Map.of("code", "U", "name", "United States"), Map.of("code", "UA", "name", "Ukraine"))));
        refusedField(AGREEMENTS, "parties[1].name", with("parties",
                List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "U".repeat(201)))));
    }

    @Test
    void shouldRefuseTooManyOrTooLongTags() {
        refusedField(AGREEMENTS, "tags", with("tags", IntStream.range(0, 21).mapToObj(i -> "tag-" + i).toList()));
        refusedField(AGREEMENTS, "tags[0]", with("tags", List.of("a".repeat(41))));
    }

    @Test
    void shouldRefuseTooLongSummaryAndSigningPlace() {
        refusedField(AGREEMENTS, "summary", with("summary", "s".repeat(4001)));
        refusedField(AGREEMENTS, "signingPlace", with("signingPlace", "p".repeat(201)));
    }

    @Test
    void shouldRefuseOutOfRangeQueryParameters() {
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", 0).get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", -5).get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", "99999999999").get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("q", "q".repeat(201)).get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("party", "toolongpartycode").get(AGREEMENTS));
        refused(400, "INVALID_CURSOR", AGREEMENTS, r -> r.queryParam("cursor", "x".repeat(600)).get(AGREEMENTS));
    }

    // --- Unknown enum values ----------------------------------------------------------------------

    @Test
    void shouldRefuseUnknownStatusAndListTheAllowedOnes() {
        JsonPath problem = refusedField(AGREEMENTS, "status", with("status", "OPEN"));
        assertThat(problem.getString("errors[0].message")).contains("DRAFT, NEGOTIATING, FINALIZED, SIGNED, WITHDRAWN");
        String path = existingAgreement();
        problem = refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body(Map.of("status", "finalized")).patch(path));
        assertThat(problem.getString("errors[0].message")).contains("DRAFT, NEGOTIATING, FINALIZED, SIGNED, WITHDRAWN");
    }

    @Test
    void shouldRefuseUnknownEnumValuesInQuery() {
        JsonPath problem = refused(400, "VALIDATION_FAILED", AGREEMENTS,
                r -> r.queryParam("status", "OPEN").get(AGREEMENTS));
        assertThat(problem.getString("errors[0].message")).contains("DRAFT, NEGOTIATING, FINALIZED, SIGNED, WITHDRAWN");
        problem = refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("sort", "title").get(AGREEMENTS));
        assertThat(problem.getString("errors[0].message")).contains("createdAt");
    }

    // --- Invalid UUIDs in the path ----------------------------------------------------------------

    @Test
    void shouldRefuseInvalidUuidInPathForEveryMethod() {
        for (String id : List.of("not-a-uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa", "3fa85f64-5717-4562-b3fc-2c963f66afaZ",
                "3fa85f6457174562b3fc2c963f66afa6", "+fa85f64-5717-4562-b3fc-2c963f66afa6", "1-1-1-1-1")) {
            String path = AGREEMENTS + "/" + id;
            JsonPath problem = refused(400, "VALIDATION_FAILED", path, r -> r.get(path));
            assertThat(problem.getString("errors[0].field")).isEqualTo("agreementId");
            refused(400, "VALIDATION_FAILED", path,
                    r -> r.contentType("application/merge-patch+json").body(Map.of("summary", "s")).patch(path));
            refused(400, "VALIDATION_FAILED", path, r -> r.delete(path));
        }
    }

    // --- Oversized bodies -------------------------------------------------------------------------

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

    // --- Wrong media type -------------------------------------------------------------------------

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

    // --- Unknown route, wrong method, bogus Accept ------------------------------------------------

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

    // --- Conditional headers ----------------------------------------------------------------------

    @Test
    void shouldRefuseIfMatchThatIsNotAQuotedETag() {
        String path = existingAgreement();
        JsonPath problem = refused(400, "VALIDATION_FAILED", path, r -> r.header("If-Match", "0")
                .contentType("application/merge-patch+json").body(Map.of("summary", "s")).patch(path));
        assertThat(problem.getString("errors[0].field")).isEqualTo("If-Match");
        refused(400, "VALIDATION_FAILED", path, r -> r.header("If-Match", "\"0").delete(path));
        refused(400, "VALIDATION_FAILED", path, r -> r.header("If-None-Match", "0").get(path));
    }

    // --- One code, one title ----------------------------------------------------------------------

    @Test
    void shouldAlwaysAnswerTheSameCodeWithTheSameTitleStatusAndType() {
        String path = existingAgreement();
        String withdrawn = existingAgreement();
        api().body(Map.of("status", "WITHDRAWN")).patch(withdrawn).then().statusCode(200);
        String key = "key-" + Deal.uniqueTag();
        api().header("Idempotency-Key", key).body(Deal.agreement()).post(AGREEMENTS).then().statusCode(201);
        for (int round = 0; round < 2; round++) {
            refused(400, "MALFORMED_REQUEST_BODY", AGREEMENTS, r -> r.contentType("application/json").body("{").post(AGREEMENTS));
            refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", 0).get(AGREEMENTS));
            refused(400, "INVALID_CURSOR", AGREEMENTS, r -> r.queryParam("cursor", "!").get(AGREEMENTS));
            refused(404, "ROUTE_NOT_FOUND", "/v1/nowhere", r -> r.get("/v1/nowhere"));
            refused(404, "AGREEMENT_NOT_FOUND", AGREEMENTS + "/" + UNKNOWN_ID, r -> r.get(AGREEMENTS + "/" + UNKNOWN_ID));
            refused(405, "METHOD_NOT_ALLOWED", AGREEMENTS, r -> r.delete(AGREEMENTS));
            refused(406, "NOT_ACCEPTABLE", AGREEMENTS, r -> r.accept("text/csv").get(AGREEMENTS));
            refused(409, "INVALID_STATUS_TRANSITION", path, r -> r.contentType("application/json")
                    .body(Map.of("status", "SIGNED")).patch(path));
            refused(409, "AGREEMENT_READ_ONLY", withdrawn, r -> r.contentType("application/json")
                    .body(Map.of("summary", "revived")).patch(withdrawn));
            refused(412, "PRECONDITION_FAILED", path, r -> r.header("If-Match", "\"99\"").delete(path));
            refused(413, "PAYLOAD_TOO_LARGE", AGREEMENTS, r -> r.contentType("application/json")
                    .body(json(agreementWith("summary", "s".repeat(ONE_MIB)))).post(AGREEMENTS));
            refused(415, "UNSUPPORTED_MEDIA_TYPE", AGREEMENTS, r -> r.contentType("text/plain").body("{}").post(AGREEMENTS));
            refused(422, "IDEMPOTENCY_KEY_REUSED", AGREEMENTS, r -> r.header("Idempotency-Key", key)
                    .contentType("application/json").body(Deal.agreement()).post(AGREEMENTS));
        }
        // Also everything the other tests of this class saw, whichever ran before.
        for (Map.Entry<String, Set<String>> seen : SEEN.entrySet()) {
            ProblemCode code = ProblemCode.valueOf(seen.getKey());
            assertThat(seen.getValue()).as("titles, statuses and types answered with code %s", code)
                    .containsExactlyInAnyOrder("title=" + code.title(), "status=" + code.status(), "type=" + code.type());
        }
        assertThat(SEEN.keySet()).contains("MALFORMED_REQUEST_BODY", "VALIDATION_FAILED", "INVALID_CURSOR",
                "ROUTE_NOT_FOUND", "AGREEMENT_NOT_FOUND", "METHOD_NOT_ALLOWED", "NOT_ACCEPTABLE",
                "INVALID_STATUS_TRANSITION", "AGREEMENT_READ_ONLY", "PRECONDITION_FAILED", "PAYLOAD_TOO_LARGE",
                "UNSUPPORTED_MEDIA_TYPE", "IDEMPOTENCY_KEY_REUSED");
    }

    // --- Helpers ----------------------------------------------------------------------------------

    /**
     * Sends a request that must be refused and checks the refusal: the status, a complete problem
     * document with the code's own title and type, no implementation detail, and an unchanged database.
     */
    private JsonPath refused(int status, String code, String instance, Function<RequestSpecification, Response> send) {
        return refusedResponse(status, code, instance, send).jsonPath();
    }

    /** {@link #refused}, for a test that also looks at the response's headers. */
    private Response refusedResponse(int status, String code, String instance,
                                     Function<RequestSpecification, Response> send) {
        var before = database.fingerprint();
        Response response = send.apply(badClient());
        var after = database.fingerprint();
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        String body = response.asString();
        try {
            assertProblem(JSON.readTree(body), body, status, code, instance);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
        assertThat(after).as("database after %s %s", status, code).isEqualTo(before);
        return response;
    }

    /** Refused as VALIDATION_FAILED naming exactly this field. */
    private JsonPath refusedField(String instance, String field, Function<RequestSpecification, Response> send) {
        JsonPath problem = refused(400, "VALIDATION_FAILED", instance, send);
        assertThat(problem.getList("errors.field", String.class)).as(problem.prettify()).contains(field);
        return problem;
    }

    private void assertProblem(JsonNode problem, String body, int status, String code, String instance) {
        ProblemCode expected = ProblemCode.valueOf(code);
        assertThat(problem.path("code").asText()).as(body).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status).isEqualTo(expected.status());
        assertThat(problem.path("title").asText()).as(body).isEqualTo(expected.title());
        assertThat(problem.path("type").asText()).as(body).isEqualTo(expected.type());
        assertThat(problem.path("detail").asText()).as(body).isNotBlank();
        assertThat(problem.path("instance").asText()).as(body).isEqualTo(instance);
        if (problem.has("errors")) {
            assertThat(problem.get("errors")).as(body).isNotEmpty();
            problem.get("errors").forEach(error -> {
                assertThat(error.path("field").asText()).as(body).isNotBlank();
                assertThat(error.path("message").asText()).as(body).isNotBlank();
            });
        }
        assertNoLeak(body);
        Set<String> seen = SEEN.computeIfAbsent(problem.path("code").asText(), c -> ConcurrentHashMap.newKeySet());
        seen.add("title=" + problem.path("title").asText());
        seen.add("status=" + problem.path("status").asInt());
        seen.add("type=" + problem.path("type").asText());
    }

    private void assertNoLeak(String body) {
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(body).find()).as("%s leaks %s", body, leak).isFalse();
        }
        for (String name : schemaNames()) {
            assertThat(body).as("%s names the database object %s", body, name).doesNotContain(name);
        }
    }

    private Set<String> schemaNames;

    /** Constraint, index and snake_case column names: a body that holds one tells how the data is stored. */
    private Set<String> schemaNames() {
        if (schemaNames == null) {
            Set<String> names = new TreeSet<>();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                           where n.nspname = 'public'
                         union select indexname from pg_indexes where schemaname = 'public'
                         union select column_name from information_schema.columns
                           where table_schema = 'public' and column_name like '%\\_%'""")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(names).contains("agreements_pkey", "planned_signing_date");
            schemaNames = names;
        }
        return schemaNames;
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

    /** An agreement made for a test; its path. */
    private static String existingAgreement() {
        return api().body(Deal.agreement()).post(AGREEMENTS).then().statusCode(201).extract().header("Location")
                .replaceFirst("^https?://[^/]+", "");
    }

    /** The example agreement with one field changed. */
    private static Map<String, Object> agreementWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.put(field, value);
        return body;
    }

    /** A create request whose body is the example agreement with one field changed. */
    private static Function<RequestSpecification, Response> with(String field, Object value) {
        Map<String, Object> body = agreementWith(field, value);
        return r -> r.contentType("application/json").body(body).post(AGREEMENTS);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
