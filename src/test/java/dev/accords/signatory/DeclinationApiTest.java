package dev.accords.signatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Declining to sign: with a reason, only while FINALIZED, once, and asked again when the agreement is reopened. */
@QuarkusTest
class DeclinationApiTest extends SignatoryApiBase {

    @Test
    void shouldDeclineWithReason() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        decline(agreementId, trump, "The text is not final for the United States.").then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("The text is not final for the United States.")).body("signedAt", nullValue());
    }

    @Test
    void shouldRefuseDeclinationWithoutReason() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        String path = signatory(agreementId, trump) + "/declination";
        var before = database.fingerprint();
        badClient().contentType("application/json").body(Map.of()).post(path).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("reason"));
        badClient().contentType("application/json").body(Map.of("reason", "  ")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        badClient().contentType("application/json").body(Map.of("reason", "x".repeat(2001))).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        badClient().contentType("application/json").post(path).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDeclinationUnlessFinalized() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        var before = database.fingerprint();
        decline(agreementId, trump, "Not yet.").then().statusCode(409).body("code", equalTo("AGREEMENT_NOT_FINALIZED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDecliningTwiceOrAfterSigning() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        decline(agreementId, trump, "Not final for the United States.").then().statusCode(200);
        var before = database.fingerprint();
        decline(agreementId, zelensky, "Changed my mind.").then().statusCode(409).body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        decline(agreementId, trump, "Again.").then().statusCode(409).body("code", equalTo("SIGNATORY_DECLINED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldSetDeclinedSignatoriesBackToPendingWhenReopened() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        decline(agreementId, trump, "The United States has not confirmed the text is final.").then().statusCode(200);
        setStatus(agreementId, "NEGOTIATING");
        api().get(signatory(agreementId, trump)).then().body("status", equalTo("PENDING")).body("declineReason", nullValue());
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, trump).then().statusCode(200);
    }
}
