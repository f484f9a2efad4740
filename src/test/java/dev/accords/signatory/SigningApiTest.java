package dev.accords.signatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Signing a FINALIZED agreement: once per signatory, in signing order, and SIGNED with the last signature. */
@QuarkusTest
class SigningApiTest extends SignatoryApiBase {

    @TestHTTPResource("/")
    URI root;

    @Test
    void shouldSignWhileFinalized() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        api().body(Map.of("signedPlace", "Washington, D.C.")).post(signatory(agreementId, zelensky) + "/signature")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("SIGNED")).body("signedAt", notNullValue())
                .body("signedPlace", equalTo("Washington, D.C.")).body("version", equalTo(1));
        api().get(signatory(agreementId, zelensky)).then().body("status", equalTo("SIGNED"));
    }

    @Test
    void shouldSignWithoutABodyOrContentType() throws Exception {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200).body("signedPlace", nullValue());
        // REST Assured always sends a Content-Type; a bare client sends none with an empty POST.
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(root.resolve(signatory(agreementId, trump).substring(1) + "/signature"))
                        .header("Authorization", negotiatorAuthorization())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body()).contains("\"status\":\"SIGNED\"");
    }

    @Test
    void shouldRefuseSigningUnlessFinalized() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        var before = database.fingerprint();
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("AGREEMENT_NOT_FINALIZED"))
                .body("detail", containsString("NEGOTIATING"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseSigningTwice() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseSigningAfterDeclining() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        setStatus(agreementId, "FINALIZED");
        decline(agreementId, zelensky, "Security guarantees were pushed to future discussions.").then().statusCode(200);
        var before = database.fingerprint();
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("SIGNATORY_DECLINED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldLetSignatoriesSignInOrder() {
        String agreementId = agreement();
        String trump = add(agreementId, ordered(TRUMP, 2));
        String zelensky = add(agreementId, ordered(ZELENSKY, 1));
        String minister = add(agreementId, ordered(with(ZELENSKY, "name", "Yulia Svyrydenko"), 1));
        String witness = add(agreementId, with(TRUMP, "name", "Scott Bessent"));
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, witness).then().statusCode(200);
        sign(agreementId, minister).then().statusCode(200);
        sign(agreementId, zelensky).then().statusCode(200);
        sign(agreementId, trump).then().statusCode(200);
    }

    @Test
    void shouldRefuseSigningOutOfOrder() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ordered(ZELENSKY, 1));
        String trump = add(agreementId, ordered(TRUMP, 2));
        setStatus(agreementId, "FINALIZED");
        var before = database.fingerprint();
        sign(agreementId, trump).then().statusCode(409).body("code", equalTo("SIGNATORY_OUT_OF_ORDER"))
                .body("detail", allOf(containsString("Donald Trump"), containsString("Volodymyr Zelensky (UA, order 1, PENDING)")));
        assertThat(database.fingerprint()).isEqualTo(before);
        decline(agreementId, zelensky, "Security guarantees were pushed to future discussions.").then().statusCode(200);
        sign(agreementId, trump).then().statusCode(409).body("code", equalTo("SIGNATORY_OUT_OF_ORDER"))
                .body("detail", containsString("DECLINED"));
    }

    @Test
    void shouldRefusePlacingASignatoryBeforeOneWhoHasSigned() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ordered(ZELENSKY, 2));
        String trump = add(agreementId, ordered(TRUMP, 3));
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().body(ordered(with(TRUMP, "name", "J. D. Vance"), 1)).post(signatories(agreementId)).then().statusCode(409)
                .body("code", equalTo("SIGNATORY_OUT_OF_ORDER")).body("detail", containsString("Volodymyr Zelensky"));
        api().body(Map.of("signingOrder", 1)).patch(signatory(agreementId, trump)).then().statusCode(409)
                .body("code", equalTo("SIGNATORY_OUT_OF_ORDER"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().body(Map.of("signingOrder", 2)).patch(signatory(agreementId, trump)).then().statusCode(200);
        add(agreementId, with(TRUMP, "name", "J. D. Vance"));
    }

    @Test
    void shouldSignAgreementWhenLastSignatorySigns() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ordered(ZELENSKY, 1));
        String trump = add(agreementId, ordered(TRUMP, 1));
        setStatus(agreementId, "FINALIZED");
        Response finalized = api().get("/v1/agreements/" + agreementId);
        sign(agreementId, zelensky).then().statusCode(200);
        String signedAt = sign(agreementId, trump).then().statusCode(200).extract().path("signedAt");
        api().get("/v1/agreements/" + agreementId).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("signedAt", equalTo(signedAt))
                .body("finalizedAt", equalTo(finalized.path("finalizedAt")))
                .body("version", equalTo(finalized.<Integer>path("version") + 1));
    }

    @Test
    void shouldKeepAgreementFinalizedUntilEverySignatoryHasSigned() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        String declining = add(agreementId, with(TRUMP, "name", "J. D. Vance"));
        setStatus(agreementId, "FINALIZED");
        String etag = api().get("/v1/agreements/" + agreementId).header("ETag");
        sign(agreementId, zelensky).then().statusCode(200);
        decline(agreementId, declining, "Not authorized to sign.").then().statusCode(200);
        sign(agreementId, trump).then().statusCode(200);
        api().get("/v1/agreements/" + agreementId).then().statusCode(200).header("ETag", etag)
                .body("status", equalTo("FINALIZED")).body("signedAt", nullValue());
    }
}
