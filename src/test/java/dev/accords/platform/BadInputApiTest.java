package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.problem.ProblemCode;
import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Base of the bad-input tests (docs/API-CONVENTIONS.md §15): every kind of bad input a real client sends by mistake is refused with
 * the exact 4xx as an {@code application/problem+json} document that is complete, says nothing about
 * the implementation, and leaves the database as it was.
 */
abstract class BadInputApiTest extends ApiTest {

    protected static final String AGREEMENTS = "/v1/agreements";
    protected static final String UNKNOWN_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    protected static final int ONE_MIB = 1024 * 1024;
    protected static final ObjectMapper JSON = new ObjectMapper();

    /** What the implementation must never show a client: Java, stack traces, SQL. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("java\\."), Pattern.compile("jakarta\\."), Pattern.compile("org\\."),
            Pattern.compile("com\\."), Pattern.compile("io\\.(quarkus|vertx|agroal|smallrye|netty)"),
            Pattern.compile("Exception"), Pattern.compile("\\bat [\\w$.]+\\("), Pattern.compile("\\.java:\\d+"),
            Pattern.compile("Caused by"), Pattern.compile("(?i)hibernate|jackson|resteasy|postgres|psql|jdbc"),
            Pattern.compile("(?i)\\bselect\\b.+\\bfrom\\b"), Pattern.compile("(?i)\\binsert\\s+into\\b"),
            Pattern.compile("(?i)\\bupdate\\b.+\\bset\\b"), Pattern.compile("(?i)\\bdelete\\s+from\\b"),
            Pattern.compile("(?i)sqlstate|constraint|violates|duplicate key"));

    /**
     * A problem's instance is a URI reference (RFC 3986 §4.1), the request's path: '/' and pchar only,
     * where every '%' starts an escape of two hex digits (a path the router cannot route may be empty
     * or lack its leading '/').
     */
    private static final Pattern PATH_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*");
    private static final Pattern STRAY_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** Every (code, title), (code, status) and (code, type) seen by the bad-input tests run so far in this JVM. */
    protected static final Map<String, Set<String>> SEEN = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    private Set<String> schemaNames;

    /**
     * Sends a request that must be refused and checks the refusal: the status, a complete problem
     * document with the code's own title and type, no implementation detail, and an unchanged database.
     */
    protected JsonPath refused(int status, String code, String instance, Function<RequestSpecification, Response> send) {
        return refusedResponse(status, code, instance, send).jsonPath();
    }

    /** {@link #refused}, for a test that also looks at the response's headers. */
    protected Response refusedResponse(int status, String code, String instance,
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
    protected JsonPath refusedField(String instance, String field, Function<RequestSpecification, Response> send) {
        JsonPath problem = refused(400, "VALIDATION_FAILED", instance, send);
        assertThat(problem.getList("errors.field", String.class)).as(problem.prettify()).contains(field);
        return problem;
    }

    protected void assertProblem(JsonNode problem, String body, int status, String code, String instance) {
        ProblemCode expected = ProblemCode.valueOf(code);
        assertThat(problem.path("code").asText()).as(body).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as(body).isEqualTo(status).isEqualTo(expected.status());
        assertThat(problem.path("title").asText()).as(body).isEqualTo(expected.title());
        assertThat(problem.path("type").asText()).as(body).isEqualTo(expected.type());
        assertThat(problem.path("detail").asText()).as(body).isNotBlank();
        assertThat(problem.path("instance").asText()).as(body).isEqualTo(instance)
                .matches(PATH_CHARACTERS.asMatchPredicate()).doesNotContainPattern(STRAY_PERCENT);
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

    protected void assertNoLeak(String body) {
        for (Pattern leak : LEAKS) {
            assertThat(leak.matcher(body).find()).as("%s leaks %s", body, leak).isFalse();
        }
        for (String name : schemaNames()) {
            assertThat(body).as("%s names the database object %s", body, name).doesNotContain(name);
        }
    }

    /** Constraint, index and snake_case column names: a body that holds one tells how the data is stored. */
    protected Set<String> schemaNames() {
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

    /** An agreement made for a test; its path. */
    protected static String existingAgreement() {
        return api().body(Deal.agreement()).post(AGREEMENTS).then().statusCode(201).extract().header("Location")
                .replaceFirst("^https?://[^/]+", "");
    }

    /** The example agreement with one field changed. */
    protected static Map<String, Object> agreementWith(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.put(field, value);
        return body;
    }

    /** A create request whose body is the example agreement with one field changed. */
    protected static Function<RequestSpecification, Response> with(String field, Object value) {
        Map<String, Object> body = agreementWith(field, value);
        return r -> r.contentType("application/json").body(body).post(AGREEMENTS);
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
