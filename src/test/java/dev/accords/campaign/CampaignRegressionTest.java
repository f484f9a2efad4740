package dev.accords.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** One test per bug the bad-input campaign found, each with the request that showed it. */
@QuarkusTest
class CampaignRegressionTest extends ApiTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRefuseAWildcardInsideAnIfMatchListInsteadOfMatchingAnything() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String clause = "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
        var before = database.fingerprint();

        badClient().header("If-Match", "\"3\", *").delete(clause).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("If-Match"));
        badClient().header("If-None-Match", "\"7\", *").get(clause).then().statusCode(400)
                .body("errors[0].field", equalTo("If-None-Match"));
        badClient().header("If-Match", "*,").delete(clause).then().statusCode(400);

        assertThat(database.fingerprint()).isEqualTo(before);
        api().header("If-None-Match", "*").get(clause).then().statusCode(304);
    }

    @Test
    void shouldRefuseEnumNamesAndDatesWithSurroundingWhitespaceInsteadOfTrimmingThem() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String agreement = "/v1/agreements/" + agreementId;
        var before = database.fingerprint();

        badClient().contentType("application/json").body(Map.of("stance", "NO_POSITION "))
                .put(agreement + "/clauses/" + clauseId + "/positions/UA").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("stance"))
                .body("errors[0].message", startsWith("must be one of NO_POSITION"));
        badClient().contentType("application/json").body(Map.of("status", "NEGOTIATING\u0000"))
                .patch(agreement).then().statusCode(400).body("errors[0].field", equalTo("status"));
        badClient().contentType("application/merge-patch+json").body(Map.of("plannedSigningDate", " 2025-02-28"))
                .patch(agreement).then().statusCode(400).body("errors[0].field", equalTo("plannedSigningDate"));
        badClient().contentType("application/json").body(Map.of("reference", "2", "title", "t", "priority", "\tHIGH"))
                .post(agreement + "/clauses").then().statusCode(400).body("errors[0].field", equalTo("priority"));
        // A date-time is not a date: Jackson used to keep its date and drop the rest.
        badClient().contentType("application/json").body(Map.of("plannedSigningDate", "2025-02-28T00:00:00Z"))
                .patch(agreement).then().statusCode(400).body("errors[0].field", equalTo("plannedSigningDate"));

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseEmptyQueryValuesAndIntegersThatAreNotPlainDecimals() {
        String agreementId = Fixtures.agreement();
        for (String query : List.of("limit=", "q=", "cursor=", "status=", "tag=")) {
            badClient().urlEncodingEnabled(false).get("/v1/agreements?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo(query.substring(0, query.length() - 1)));
        }
        badClient().urlEncodingEnabled(false).get("/v1/open-clauses?topic=").then().statusCode(400)
                .body("errors[0].field", equalTo("topic"));
        badClient().urlEncodingEnabled(false).get("/v1/agreements/" + agreementId + "/clauses?open=").then()
                .statusCode(400).body("errors[0].field", equalTo("open"));
        // Arabic-Indic "12", a plus sign and padding: Integer.parseInt took them all.
        for (String limit : List.of("%D9%A1%D9%A2", "%2B5", "%205", "5%20")) {
            badClient().urlEncodingEnabled(false).get("/v1/agreements/" + agreementId + "/signatories?limit=" + limit)
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        }
        badClient().urlEncodingEnabled(false).get("/v1/open-clauses?minDaysOpen=%D9%A1").then().statusCode(400)
                .body("errors[0].field", equalTo("minDaysOpen"));
        api().queryParam("limit", 5).get("/v1/agreements").then().statusCode(200);
    }

    @Test
    void shouldAnswer415ToABodyWithoutAConcreteMediaType() throws IOException {
        String agreementId = Fixtures.agreement();
        String signatoryId = api().body(Map.of("name", "Donald Trump", "partyCode", "US"))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201).extract().path("id");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        String signature = "/v1/agreements/" + agreementId + "/signatories/" + signatoryId + "/signature";
        var before = database.fingerprint();

        try (RawHttp http = new RawHttp(root.getHost(), root.getPort())) {
            for (String type : new String[]{null, "*/*", "application/*", " "}) {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                headers.add(Map.entry("Authorization", negotiatorAuthorization()));
                if (type != null) {
                    headers.add(Map.entry("Content-Type", type));
                }
                // Before the fix, each of these signed the agreement.
                RawHttp.Response response = http.send("POST", signature, headers,
                        "{\"signedPlace\":\"Washington, D.C.\"}".getBytes(StandardCharsets.UTF_8), false);
                assertThat(response.status()).as(String.valueOf(type)).isEqualTo(415);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.bodyText()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
            }
            for (String[] call : new String[][]{{"PATCH", "/v1/agreements/" + agreementId, "{\"summary\":\"x\"}"},
                    {"POST", "/v1/agreements/" + agreementId + "/signatories", "{\"name\":\"n\",\"partyCode\":\"UA\"}"}}) {
                RawHttp.Response response = http.send(call[0], call[1],
                        List.of(Map.entry("Authorization", negotiatorAuthorization())),
                        call[2].getBytes(StandardCharsets.UTF_8), false);
                assertThat(response.status()).as(call[1]).isEqualTo(415);
            }
        }
        assertThat(database.fingerprint()).isEqualTo(before);
        // A signature needs no body, and a request without one needs no media type.
        try (RawHttp http = new RawHttp(root.getHost(), root.getPort())) {
            RawHttp.Response response = http.send("POST", signature,
                    List.of(Map.entry("Authorization", negotiatorAuthorization())), null, false);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("\"status\":\"SIGNED\"");
        }
    }

    @Test
    void shouldAnswerAChunkedBodyOverOneMebibyteWithAProblem() throws IOException {
        String agreement = "/v1/agreements/" + Fixtures.agreement();
        List<Map.Entry<String, String>> headers = List.of(Map.entry("Authorization", negotiatorAuthorization()),
                Map.entry("Content-Type", "application/json"));
        var before = database.fingerprint();
        try (RawHttp http = new RawHttp(root.getHost(), root.getPort())) {
            for (int size : new int[]{1024 * 1024 + 1, 1_500_000, 3_000_000}) {
                // Before the fix: a bare 413 without a body, and a 500 attempt in the log.
                RawHttp.Response response = http.send("PATCH", agreement, headers, summaryOf(size), true);
                assertThat(response.status()).as("%d bytes", size).isEqualTo(413);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.bodyText()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
            }
            // Just under the limit the body is read, and refused for what it says.
            RawHttp.Response response = http.send("PATCH", agreement, headers, summaryOf(1024 * 1024), true);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.bodyText()).contains("\"field\":\"summary\"");
        }
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    /** A JSON body of exactly this many bytes. */
    private static byte[] summaryOf(int bytes) {
        String shell = "{\"summary\":\"\"}";
        return ("{\"summary\":\"" + "a".repeat(bytes - shell.length()) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldRefuseTopicAndTagFiltersLongerThanTheirSchemas() {
        String longest = "a".repeat(40);
        String tooLong = "a".repeat(41);
        String clauses = "/v1/agreements/" + Fixtures.agreement() + "/clauses";
        for (String path : List.of(clauses + "?topic=", "/v1/open-clauses?topic=", "/v1/agreements?tag=")) {
            String name = path.substring(path.indexOf('?') + 1, path.length() - 1);
            badClient().urlEncodingEnabled(false).get(path + tooLong).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(name));
            api().urlEncodingEnabled(false).get(path + longest).then().statusCode(200);
        }
    }

    @Test
    void shouldRefuseABodyThatIsNotUtf8() throws IOException {
        String agreementId = Fixtures.agreement();
        List<Map.Entry<String, String>> headers = List.of(Map.entry("Authorization", negotiatorAuthorization()),
                Map.entry("Content-Type", "application/json"));
        var before = database.fingerprint();
        try (RawHttp http = new RawHttp(root.getHost(), root.getPort())) {
            // An overlong '/', an encoded surrogate, a code point past U+10FFFF, a stray continuation byte:
            // Jackson decoded the first two and the service stored "/" and "?".
            for (byte[] bad : new byte[][]{{(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
                    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}}) {
                byte[] head = "{\"summary\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] tail = "x\"}".getBytes(StandardCharsets.UTF_8);
                byte[] body = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, body, 0, head.length);
                System.arraycopy(bad, 0, body, head.length, bad.length);
                System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
                RawHttp.Response response = http.send("PATCH", "/v1/agreements/" + agreementId, headers, body, false);
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.bodyText()).contains("\"code\":\"MALFORMED_REQUEST_BODY\"");
            }
        }
        assertThat(database.fingerprint()).isEqualTo(before);
        Fixtures.patchAgreement(agreementId, Map.of("summary", "US–Ukraine: 🇺🇸🇺🇦 مرحبا"));
    }

    @Test
    void shouldRefuseAnIfNoneMatchOfOnlyCommas() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        // A list without a single entity tag used to count as "no tags", so the GET answered 200.
        badClient().header("If-None-Match", ",").get("/v1/agreements/" + agreementId + "/clauses/" + clauseId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("If-None-Match"));
        badClient().header("If-Match", ", ,").delete("/v1/agreements/" + agreementId + "/clauses/" + clauseId)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        api().get("/v1/agreements/" + agreementId + "/clauses/" + clauseId).then().statusCode(200);
    }

    @Test
    void shouldReadAnIfMatchSentOnTwoLinesAsOneListAndRefuseItsMalformedTag() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        var before = database.fingerprint();
        badClient().header("If-Match", "\"0\"").header("If-Match", "abc")
                .delete("/v1/agreements/" + agreementId + "/clauses/" + clauseId)
                .then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }
}
