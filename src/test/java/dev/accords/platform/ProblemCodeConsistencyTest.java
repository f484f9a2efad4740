package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.accords.problem.ProblemCode;
import dev.accords.support.Deal;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A problem code always comes with the same status, title and type, whichever request provoked it.
 */
@QuarkusTest
class ProblemCodeConsistencyTest extends BadInputApiTest {

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
        // Also everything the other bad-input tests saw, whichever of them ran before in this JVM.
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
}
