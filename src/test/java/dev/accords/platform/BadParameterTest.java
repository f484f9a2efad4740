package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Bad query parameters, path parameters and conditional headers: each is refused with a 4xx problem
 * that names the parameter, and changes nothing.
 */
@QuarkusTest
class BadParameterTest extends BadInputApiTest {

    // --- Query parameters ------------------------------------------------------------------------

    @Test
    void shouldRefuseOutOfRangeQueryParameters() {
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", 0).get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", -5).get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("limit", "99999999999").get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("q", "q".repeat(201)).get(AGREEMENTS));
        refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("party", "toolongpartycode").get(AGREEMENTS));
        refused(400, "INVALID_CURSOR", AGREEMENTS, r -> r.queryParam("cursor", "x".repeat(600)).get(AGREEMENTS));
    }

    @Test
    void shouldRefuseUnknownEnumValuesInQuery() {
        JsonPath problem = refused(400, "VALIDATION_FAILED", AGREEMENTS,
                r -> r.queryParam("status", "OPEN").get(AGREEMENTS));
        assertThat(problem.getString("errors[0].message")).contains("DRAFT, NEGOTIATING, FINALIZED, SIGNED, IN_FORCE, WITHDRAWN");
        problem = refused(400, "VALIDATION_FAILED", AGREEMENTS, r -> r.queryParam("sort", "title").get(AGREEMENTS));
        assertThat(problem.getString("errors[0].message")).contains("createdAt");
    }

    // --- Path parameters -------------------------------------------------------------------------

    @Test
    void shouldRefuseInvalidUuidInPathForEveryMethod() {
        for (String id : List.of("not-a-uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa", "3fa85f64-5717-4562-b3fc-2c963f66afaZ",
                "3fa85f6457174562b3fc2c963f66afa6", "+fa85f64-5717-4562-b3fc-2c963f66afa6", "1-1-1-1-1")) {
            String path = AGREEMENTS + "/" + id;
            JsonPath problem = refused(400, "VALIDATION_FAILED", path, r -> r.urlEncodingEnabled(false).get(path));
            assertThat(problem.getString("errors[0].field")).isEqualTo("agreementId");
            refused(400, "VALIDATION_FAILED", path, r -> r.urlEncodingEnabled(false)
                    .contentType("application/merge-patch+json").body(Map.of("summary", "s")).patch(path));
            refused(400, "VALIDATION_FAILED", path, r -> r.urlEncodingEnabled(false).delete(path));
        }
    }

    /** A path that holds what a URI cannot once decoded: the problem's instance keeps the client's escapes. */
    @Test
    void shouldAnswerWithTheInstanceAsSent() {
        for (String id : List.of("%00", "%0A", "%20", "caf%C3%A9", "%7B%7D")) {
            String path = AGREEMENTS + "/" + id;
            refused(400, "VALIDATION_FAILED", path, r -> r.urlEncodingEnabled(false).delete(path));
            refused(400, "VALIDATION_FAILED", path + "/clauses", r -> r.urlEncodingEnabled(false).get(path + "/clauses"));
        }
    }

    // --- Conditional headers ---------------------------------------------------------------------

    @Test
    void shouldRefuseIfMatchThatIsNotAQuotedETag() {
        String path = existingAgreement();
        JsonPath problem = refused(400, "VALIDATION_FAILED", path, r -> r.header("If-Match", "0")
                .contentType("application/merge-patch+json").body(Map.of("summary", "s")).patch(path));
        assertThat(problem.getString("errors[0].field")).isEqualTo("If-Match");
        refused(400, "VALIDATION_FAILED", path, r -> r.header("If-Match", "\"0").delete(path));
        refused(400, "VALIDATION_FAILED", path, r -> r.header("If-None-Match", "0").get(path));
    }
}
