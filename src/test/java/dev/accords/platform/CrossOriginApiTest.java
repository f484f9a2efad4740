package dev.accords.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 12, item 1: pages on the configured origins (the test profile allows
 * https://board.accords.example and any http://localhost port) can call the API and read every
 * answer, problems included; any other origin gets no CORS headers at all.
 */
@QuarkusTest
class CrossOriginApiTest extends ApiTest {

    static final String BOARD = "https://board.accords.example";
    static final List<String> REQUEST_HEADERS =
            List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id");
    static final List<String> EXPOSED_HEADERS =
            List.of("ETag", "Location", "X-Request-Id", "Idempotent-Replayed", "Retry-After", "WWW-Authenticate");

    @Test
    void shouldAnswerAPreflightWithTheContractsMethodsAndHeaders() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);

        Response preflight = given().header("Origin", BOARD).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match, idempotency-key")
                .options("/v1/agreements/{a}/clauses/{c}", agreementId, clauseId);

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(BOARD);
        assertThat(list(preflight.header("Access-Control-Allow-Methods")))
                .contains("GET", "POST", "PUT", "PATCH", "DELETE");
        assertThat(list(preflight.header("Access-Control-Allow-Headers"))).containsAll(REQUEST_HEADERS);
        assertThat(preflight.header("Access-Control-Max-Age")).isNotBlank();
        assertThat(preflight.header("Vary")).contains("Origin");
    }

    @Test
    void shouldExposeTheApisHeadersOnAnActualResponse() {
        Response created = api().header("Origin", BOARD).body(dev.accords.support.Deal.agreement()).post("/v1/agreements");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(BOARD);
        assertThat(list(created.header("Access-Control-Expose-Headers"))).containsAll(EXPOSED_HEADERS);
        assertThat(created.header("Location")).isNotBlank();
    }

    @Test
    void shouldLetAPageReadA401() {
        unauthenticated().header("Origin", BOARD).get("/v1/agreements")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"))
                .header("Access-Control-Allow-Origin", BOARD)
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"))
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void shouldLetAPageReadA403() {
        as(Tokens.reader()).header("Origin", BOARD).body(dev.accords.support.Deal.agreement()).post("/v1/agreements")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN")).header("Access-Control-Allow-Origin", BOARD);
    }

    @Test
    void shouldLetAPageReadA412AndTheCurrentETag() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        Fixtures.patchClause(agreementId, clauseId, Map.of("title", "Changed meanwhile"));

        api().header("Origin", "http://localhost:5173").header("If-Match", "\"0\"").body(Map.of("title", "Mine"))
                .patch("/v1/agreements/{a}/clauses/{c}", agreementId, clauseId)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"))
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void shouldLetAPageReadA413() {
        badClient().header("Origin", BOARD).contentType(ContentType.JSON).body("{\"title\": \"" + "x".repeat(1_100_000) + "\"}")
                .post("/v1/agreements")
                .then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE")).header("Access-Control-Allow-Origin", BOARD);
    }

    @Test
    void shouldLetAPageReadA500() {
        String agreementId = Fixtures.agreement();
        // A table the read needs goes missing behind the service's back: the read fails with a 500 problem.
        database.execute("alter table agreement_parties rename to agreement_parties_elsewhere");
        try {
            badClient().header("Origin", BOARD).get("/v1/agreements/{id}", agreementId)
                    .then().statusCode(500).body("code", equalTo("INTERNAL_ERROR"))
                    .header("Access-Control-Allow-Origin", BOARD);
        } finally {
            database.execute("alter table agreement_parties_elsewhere rename to agreement_parties");
        }
    }

    @Test
    void shouldGiveAnotherOriginNoCorsHeadersAndOtherwiseTheUsualAnswer() {
        String agreementId = Fixtures.agreement();

        Response actual = api().header("Origin", "https://elsewhere.example").get("/v1/agreements/{id}", agreementId);
        Response preflight = given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "DELETE").options("/v1/agreements/{id}", agreementId);

        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.header("Access-Control-Allow-Origin")).isNull();
        assertThat(actual.header("Access-Control-Expose-Headers")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void shouldNotMistakeALookalikeOfAnAllowedOrigin() {
        api().header("Origin", "https://board.accords.example.attacker.test").get("/v1/agreements")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        api().header("Origin", "http://localhost.attacker.test").get("/v1/agreements")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }

    private static List<String> list(String header) {
        return header == null ? List.of() : List.of(header.split("\\s*,\\s*"));
    }
}
