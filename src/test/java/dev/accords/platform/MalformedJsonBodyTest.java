package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.accords.support.Deal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Bodies that are not a JSON document of the expected shape: broken syntax, an empty body, an array
 * or a scalar for an object, a key twice, trailing garbage. Each is refused with its 4xx problem and
 * changes nothing.
 */
@QuarkusTest
class MalformedJsonBodyTest extends BadInputApiTest {

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
}
