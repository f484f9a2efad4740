package dev.accords.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Who may do what: 401 without a valid token, 403 for the wrong role or subject, as problems. */
@QuarkusTest
class SecurityApiTest extends ApiTest {

    record Call(String method, String path, Object body) {
        Response send(RequestSpecification spec) {
            if (body != null) {
                spec.body(body);
            }
            return spec.request(method, path);
        }
    }

    /** One call per operation of the contract, against real ids. */
    List<Call> everyOperation() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String signatoryId = api().body(Map.of("name", "Volodymyr Zelensky", "partyCode", "UA"))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201).extract().path("id");
        String a = "/v1/agreements/" + agreementId;
        String c = a + "/clauses/" + clauseId;
        String s = a + "/signatories/" + signatoryId;
        return List.of(
                new Call("GET", "/v1/agreements", null), new Call("POST", "/v1/agreements", Deal.agreement()),
                new Call("GET", a, null), new Call("PATCH", a, Map.of("summary", "x")), new Call("DELETE", a, null),
                new Call("GET", a + "/clauses", null), new Call("POST", a + "/clauses", Map.of("reference", "2", "title", "t")),
                new Call("GET", c, null), new Call("PATCH", c, Map.of("title", "x")), new Call("DELETE", c, null),
                new Call("GET", c + "/revisions", null), new Call("PUT", c + "/positions/US", Map.of("stance", "ACCEPTS")),
                new Call("GET", a + "/signatories", null),
                new Call("POST", a + "/signatories", Map.of("name", "Donald Trump", "partyCode", "US")),
                new Call("GET", s, null), new Call("PATCH", s, Map.of("role", "x")), new Call("DELETE", s, null),
                new Call("POST", s + "/signature", Map.of()), new Call("POST", s + "/declination", Map.of("reason", "no")),
                new Call("GET", a + "/open-clauses", null), new Call("GET", "/v1/open-clauses", null),
                new Call("GET", a + "/events", null));
    }

    @Test
    void shouldAnswerUnauthenticatedToEveryOperationWithoutAToken() {
        List<Call> calls = everyOperation();
        var before = database.fingerprint();
        for (Call call : calls) {
            call.send(unauthenticated()).then().statusCode(401).header("WWW-Authenticate", "Bearer")
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        }
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseForgedExpiredAndForeignTokens() {
        String forged = Tokens.negotiator();
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        String expired = Jwt.issuer("https://accords.example/dev").subject("late").groups(Set.of("admin"))
                .issuedAt(System.currentTimeMillis() / 1000 - 7200).expiresIn(Duration.ofSeconds(1))
                .expiresAt(System.currentTimeMillis() / 1000 - 3600).sign();
        String foreign = Jwt.issuer("https://someone-else.example").subject("x").groups(Set.of("admin")).sign();
        for (String token : List.of(forged, expired, foreign, "not-a-jwt")) {
            unauthenticated().header("Authorization", "Bearer " + token).get("/v1/agreements")
                    .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        }
    }

    @Test
    void shouldLetReadersReadAndNothingElse() {
        String reader = Tokens.reader();
        List<Call> calls = everyOperation();
        var before = database.fingerprint();
        for (Call call : calls) {
            Response response = call.send(unauthenticated().header("Authorization", Tokens.bearer(reader)));
            if (call.method().equals("GET")) {
                assertThat(response.statusCode()).as(call.toString()).isEqualTo(200);
            } else {
                assertThat(response.statusCode()).as(call.toString()).isEqualTo(403);
                assertThat(response.<String>path("code")).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseATokenWithoutAnyRole() {
        String nobody = Tokens.forSubject("nobody");
        unauthenticated().header("Authorization", Tokens.bearer(nobody)).get("/v1/agreements")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void shouldLetAdminsDoEverything() {
        String admin = Tokens.admin();
        for (Call call : everyOperation()) {
            int status = call.send(unauthenticated().header("Authorization", Tokens.bearer(admin))).statusCode();
            // business refusals (409) may follow earlier calls of the list; access is never refused
            assertThat(status).as(call.toString()).isNotIn(401, 403).isLessThan(500);
        }
    }

    @Test
    void shouldLetOnlyTheBoundPrincipalOrAnAdminSign() {
        String agreementId = Fixtures.agreement();
        String bound = api().body(Map.of("name", "Volodymyr Zelensky", "role", "President of Ukraine", "partyCode", "UA",
                        "principal", "zelensky"))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201)
                .body("principal", equalTo("zelensky")).extract().path("id");
        String unbound = api().body(Map.of("name", "Donald Trump", "role", "President of the United States", "partyCode", "US"))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201).extract().path("id");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        String signatories = "/v1/agreements/" + agreementId + "/signatories/";

        var before = database.fingerprint();
        api().body(Map.of()).post(signatories + bound + "/signature").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN")).body("detail", org.hamcrest.Matchers.containsString("zelensky"));
        as(Tokens.forSubject("someone-else", "negotiator")).body(Map.of("reason", "not me"))
                .post(signatories + bound + "/declination").then().statusCode(403);
        as(Tokens.forSubject("zelensky", "reader")).body(Map.of()).post(signatories + unbound + "/signature")
                .then().statusCode(403);
        assertThat(database.fingerprint()).isEqualTo(before);

        as(Tokens.forSubject("zelensky", "reader")).body(Map.of("signedPlace", "Washington, D.C."))
                .post(signatories + bound + "/signature").then().statusCode(200).body("status", equalTo("SIGNED"));
        as(Tokens.admin()).body(Map.of()).post(signatories + unbound + "/signature").then().statusCode(200);
        api().get("/v1/agreements/" + agreementId).then().body("status", equalTo("SIGNED"));
    }

    @Test
    void shouldAcceptATokenMintedByTheDevScript() throws Exception {
        Process mint = new ProcessBuilder("bash", "src/main/dev-keys/mint-token.sh", "reader", "readme-user", "1")
                .redirectErrorStream(true).start();
        String token = new String(mint.getInputStream().readAllBytes()).strip();
        assertThat(mint.waitFor()).isZero();
        unauthenticated().header("Authorization", "Bearer " + token).get("/v1/agreements").then().statusCode(200);
        unauthenticated().header("Authorization", "Bearer " + token).body(Deal.agreement()).post("/v1/agreements")
                .then().statusCode(403);
    }

    @Test
    void shouldKeepHealthAndTheContractPublic() {
        unauthenticated().get("/q/health/live").then().statusCode(200);
        unauthenticated().get("/q/health/ready").then().statusCode(200);
        unauthenticated().get("/q/openapi").then().statusCode(200);
    }
}
