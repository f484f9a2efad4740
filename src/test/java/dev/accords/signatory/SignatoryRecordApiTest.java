package dev.accords.signatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What a signature and a closed agreement protect: signed signatories, the signatories of SIGNED and
 * WITHDRAWN agreements, the last one who can still complete the agreement, and the parties and text they depend on. */
@QuarkusTest
class SignatoryRecordApiTest extends SignatoryApiBase {

    @Test
    void shouldEditAndRemovePendingSignatoriesWhileFinalized() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        String vance = add(agreementId, with(TRUMP, "name", "J. D. Vance"));
        setStatus(agreementId, "FINALIZED");
        api().body(Map.of("role", "President of Ukraine (signing in Washington)")).patch(signatory(agreementId, zelensky))
                .then().statusCode(200);
        api().delete(signatory(agreementId, vance)).then().statusCode(204);
        sign(agreementId, zelensky).then().statusCode(200);
        api().body(Map.of("role", "45th and 47th President")).patch(signatory(agreementId, trump)).then().statusCode(200);
    }

    @Test
    void shouldRefuseEditingOrRemovingASignedSignatory() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().body(Map.of("role", "Former President")).patch(signatory(agreementId, zelensky)).then().statusCode(409)
                .body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        api().delete(signatory(agreementId, zelensky)).then().statusCode(409).body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseRemovingTheLastUnsignedSignatoryOnceOthersSigned() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().delete(signatory(agreementId, trump)).then().statusCode(409).body("code", equalTo("AGREEMENT_HAS_SIGNATURES"))
                .body("detail", containsString("Donald Trump"));
        assertThat(database.fingerprint()).isEqualTo(before);
        String vance = add(agreementId, with(TRUMP, "name", "J. D. Vance"));
        api().delete(signatory(agreementId, vance)).then().statusCode(204);
    }

    @Test
    void shouldKeepSignatoriesOfWithdrawnAgreementReadOnly() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        setStatus(agreementId, "WITHDRAWN");
        var before = database.fingerprint();
        api().body(TRUMP).post(signatories(agreementId)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("role", "Acting")).patch(signatory(agreementId, zelensky)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(signatory(agreementId, zelensky)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        decline(agreementId, zelensky, "Withdrawn.").then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().get(signatory(agreementId, zelensky)).then().statusCode(200);
        api().get(signatories(agreementId)).then().statusCode(200);
    }

    @Test
    void shouldKeepSignatoriesOfSignedAgreementReadOnly() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().body(TRUMP).post(signatories(agreementId)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("role", "Acting")).patch(signatory(agreementId, zelensky)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(signatory(agreementId, zelensky)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseReopeningOrDroppingAPartyOnceSignatoriesDependOnIt() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        var before = database.fingerprint();
        api().body(Map.of("parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "EU", "name", "EU"))))
                .patch("/v1/agreements/" + agreementId).then().statusCode(409).body("code", equalTo("PARTY_IN_USE"));
        assertThat(database.fingerprint()).isEqualTo(before);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        api().body(Map.of("status", "NEGOTIATING")).patch("/v1/agreements/" + agreementId).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_HAS_SIGNATURES"));
    }
}
