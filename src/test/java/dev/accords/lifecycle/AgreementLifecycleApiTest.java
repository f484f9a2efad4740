package dev.accords.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The agreement lifecycle rules that involve clauses (docs/DOMAIN.md §Rules). */
@QuarkusTest
class AgreementLifecycleApiTest extends ApiTest {

    static String agreement(String id) {
        return "/v1/agreements/" + id;
    }

    @Test
    void shouldRefuseFinalizeWhileClausesBlockListingThem() {
        String agreementId = Fixtures.agreement();
        String proposed = Fixtures.clause(agreementId, "4", "PROPOSED");
        String negotiating = Fixtures.clause(agreementId, "6", "UNDER_NEGOTIATION");
        Fixtures.clause(agreementId, "5", "DEFERRED");
        Fixtures.clause(agreementId, "1", "AGREED");
        var before = database.fingerprint();
        api().body(Map.of("status", "FINALIZED")).patch(agreement(agreementId))
                .then().statusCode(409).body("code", equalTo("AGREEMENT_HAS_BLOCKING_CLAUSES"))
                .body("blockingClauses.id", containsInAnyOrder(proposed, negotiating))
                .body("blockingClauses.reference", containsInAnyOrder("4", "6"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldFinalizeWhenOnlyClosedAndDeferredClausesRemain() {
        String agreementId = Fixtures.agreement();
        Fixtures.clause(agreementId, "5", "DEFERRED");
        Fixtures.clause(agreementId, "3", "REJECTED");
        api().body(Map.of("status", "FINALIZED")).patch(agreement(agreementId))
                .then().statusCode(200).body("status", equalTo("FINALIZED")).body("finalizedAt", notNullValue());
    }

    @Test
    void shouldFreezeClauseTextStatusAndPositionsWhileFinalized() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", "AGREED");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        String path = agreement(agreementId) + "/clauses/" + clauseId;
        var before = database.fingerprint();
        api().body(Map.of("text", "changed")).patch(path).then().statusCode(409).body("code", equalTo("AGREEMENT_FINALIZED"));
        api().body(Map.of("status", "UNDER_NEGOTIATION")).patch(path).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_FINALIZED"));
        api().body(Map.of("stance", "REJECTS")).put(path + "/positions/US").then().statusCode(409)
                .body("code", equalTo("AGREEMENT_FINALIZED"));
        api().body(Map.of("reference", "9", "title", "late")).post(agreement(agreementId) + "/clauses")
                .then().statusCode(409).body("code", equalTo("AGREEMENT_FINALIZED"));
        api().delete(path).then().statusCode(409).body("code", equalTo("AGREEMENT_FINALIZED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().body(Map.of("priority", "HIGH")).patch(path).then().statusCode(200).body("priority", equalTo("HIGH"));
    }

    @Test
    void shouldReopenAFinalizedAgreementAndUnfreezeItsClauses() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", "AGREED");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        api().body(Map.of("status", "NEGOTIATING")).patch(agreement(agreementId))
                .then().statusCode(200).body("status", equalTo("NEGOTIATING")).body("finalizedAt", nullValue());
        Fixtures.patchClause(agreementId, clauseId, Map.of("text", "Amended after reopening"));
    }

    @Test
    void shouldKeepWithdrawnAgreementsClausesReadOnly() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", null);
        Fixtures.patchAgreement(agreementId, Map.of("status", "WITHDRAWN"));
        String path = agreement(agreementId) + "/clauses/" + clauseId;
        var before = database.fingerprint();
        api().body(Map.of("priority", "HIGH")).patch(path).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("stance", "ACCEPTS")).put(path + "/positions/US").then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("reference", "9", "title", "late")).post(agreement(agreementId) + "/clauses")
                .then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(path).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().get(path).then().statusCode(200);
    }

    @Test
    void shouldKeepSignedAgreementsClausesReadOnly() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", "AGREED");
        String signatory = api().body(Map.of("name", "Volodymyr Zelensky", "role", "President of Ukraine", "partyCode", "UA"))
                .post(agreement(agreementId) + "/signatories").then().statusCode(201).extract().path("id");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        api().body(Map.of()).post(agreement(agreementId) + "/signatories/" + signatory + "/signature").then().statusCode(200);
        api().get(agreement(agreementId)).then().body("status", equalTo("SIGNED"));
        String path = agreement(agreementId) + "/clauses/" + clauseId;
        var before = database.fingerprint();
        api().body(Map.of("priority", "HIGH")).patch(path).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("stance", "ACCEPTS")).put(path + "/positions/US").then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("reference", "9", "title", "late")).post(agreement(agreementId) + "/clauses")
                .then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(path).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("status", "NEGOTIATING")).patch(agreement(agreementId)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseRemovingAPartyAClauseRefersTo() {
        String agreementId = Fixtures.agreement();
        Fixtures.patchAgreement(agreementId, Map.of("parties", List.of(Map.of("code", "US", "name", "United States"),
                Map.of("code", "UA", "name", "Ukraine"), Map.of("code", "EU", "name", "European Union"),
                Map.of("code", "UK", "name", "United Kingdom"))));
        Fixtures.clause(agreementId, Map.of("reference", "7", "title", "European reconstruction role", "proposedBy", "EU"));
        String clauseId = Fixtures.clause(agreementId, "8", null);
        Fixtures.position(agreementId, clauseId, "UK", "RESERVES");
        var before = database.fingerprint();
        api().body(Map.of("parties", List.of(Map.of("code", "US", "name", "United States"),
                        Map.of("code", "UA", "name", "Ukraine"))))
                .patch(agreement(agreementId))
                .then().statusCode(409).body("code", equalTo("PARTY_IN_USE")).body("parties", contains("EU", "UK"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRemoveAPartyNothingRefersTo() {
        String agreementId = Fixtures.agreement();
        Fixtures.patchAgreement(agreementId, Map.of("parties", List.of(Map.of("code", "US", "name", "United States"),
                Map.of("code", "UA", "name", "Ukraine"), Map.of("code", "EU", "name", "European Union"))));
        String clauseId = Fixtures.clause(agreementId, "1", null);
        api().body(Map.of("parties", List.of(Map.of("code", "US", "name", "United States"),
                        Map.of("code", "UA", "name", "Ukraine"))))
                .patch(agreement(agreementId)).then().statusCode(200).body("parties.code", contains("US", "UA"));
        api().get(agreement(agreementId) + "/clauses/" + clauseId).then().body("positions.partyCode", contains("US", "UA"));
    }

    @Test
    void shouldDeleteAnAgreementWithItsClauses() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        Fixtures.position(agreementId, clauseId, "US", "ACCEPTS");
        api().delete(agreement(agreementId)).then().statusCode(204);
        assertThat(database.count("select count(*) from clauses where agreement_id = ?::uuid", agreementId)).isZero();
        assertThat(database.count("select count(*) from clause_positions where clause_id = ?::uuid", clauseId)).isZero();
    }
}
