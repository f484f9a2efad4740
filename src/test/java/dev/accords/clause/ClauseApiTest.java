package dev.accords.clause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ClauseApiTest extends ApiTest {

    static String clauses(String agreementId) {
        return "/v1/agreements/" + agreementId + "/clauses";
    }

    @Test
    void shouldCreateClauseProposedWithEveryPartyAtNoPosition() {
        String agreementId = Fixtures.agreement();
        Response created = api().body(Map.of("reference", "1", "title", "Access to rare earth and critical minerals",
                "topic", "natural-resources")).post(clauses(agreementId));
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("status", equalTo("PROPOSED"))
                .body("priority", equalTo("NORMAL"))
                .body("agreementId", equalTo(agreementId))
                .body("positions.partyCode", contains("US", "UA"))
                .body("positions.stance", everyItem(equalTo("NO_POSITION")))
                .body("openSince", notNullValue());
        assertThat(created.header("Location")).endsWith(clauses(agreementId) + "/" + created.path("id"));
        api().get(created.header("Location")).then().statusCode(200).body("reference", equalTo("1"));
    }

    @Test
    void shouldRefuseDuplicateReferenceAndChangeNothing() {
        String agreementId = Fixtures.agreement();
        Fixtures.clause(agreementId, "4.2", null);
        var before = database.fingerprint();
        api().body(Map.of("reference", "4.2", "title", "Again")).post(clauses(agreementId))
                .then().statusCode(409).body("code", equalTo("CLAUSE_REFERENCE_TAKEN"));
        assertThat(database.fingerprint()).isEqualTo(before);
        // the same reference in another agreement is fine
        Fixtures.clause(Fixtures.agreement(), "4.2", null);
    }

    @Test
    void shouldRefuseProposerWhoIsNotAParty() {
        String agreementId = Fixtures.agreement();
        var before = database.fingerprint();
        api().body(Map.of("reference", "3", "title", "Repayment", "proposedBy", "EU")).post(clauses(agreementId))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("proposedBy")).body("detail", containsString("US, UA"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().body(Map.of("reference", "3", "title", "Repayment", "proposedBy", "US")).post(clauses(agreementId))
                .then().statusCode(201).body("proposedBy", equalTo("US"));
    }

    @Test
    void shouldAnswerNotFoundForClauseOfAnotherAgreement() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String other = Fixtures.agreement();
        api().get(clauses(other) + "/" + clauseId).then().statusCode(404).body("code", equalTo("CLAUSE_NOT_FOUND"));
        api().get(clauses("00000000-0000-4000-8000-000000000000")).then().statusCode(404)
                .body("code", equalTo("AGREEMENT_NOT_FOUND"));
    }

    @Test
    void shouldTrackOpenSinceAcrossStatusChanges() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "2", "AGREED");
        String path = clauses(agreementId) + "/" + clauseId;
        api().get(path).then().body("openSince", nullValue());
        String reopened = api().body(Map.of("status", "UNDER_NEGOTIATION", "statusReason", "US wants changes"))
                .patch(path).then().statusCode(200).body("statusReason", equalTo("US wants changes"))
                .extract().path("openSince");
        assertThat(reopened).isNotNull();
        api().body(Map.of("status", "DEFERRED")).patch(path).then().statusCode(200)
                .body("openSince", equalTo(reopened)).body("statusReason", nullValue());
        api().body(Map.of("status", "REJECTED", "statusReason", "Removed from the text")).patch(path)
                .then().statusCode(200).body("openSince", nullValue());
    }

    @Test
    void shouldRefuseAgreedWhileAPartyRejectsOrReserves() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "3", "UNDER_NEGOTIATION");
        String path = clauses(agreementId) + "/" + clauseId;
        Fixtures.position(agreementId, clauseId, "UA", "REJECTS");
        Fixtures.position(agreementId, clauseId, "US", "RESERVES");
        var before = database.fingerprint();
        api().body(Map.of("status", "AGREED")).patch(path).then().statusCode(409)
                .body("code", equalTo("CLAUSE_HAS_OBJECTIONS")).body("detail", containsString("UA REJECTS"));
        assertThat(database.fingerprint()).isEqualTo(before);
        Fixtures.position(agreementId, clauseId, "UA", "ACCEPTS");
        api().body(Map.of("status", "AGREED")).patch(path).then().statusCode(409);
        Fixtures.position(agreementId, clauseId, "US", "ACCEPTS");
        api().body(Map.of("status", "AGREED")).patch(path).then().statusCode(200).body("status", equalTo("AGREED"));
    }

    @Test
    void shouldRefuseStaleIfMatchAndAnswerNotModified() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String path = clauses(agreementId) + "/" + clauseId;
        api().header("If-Match", "\"0\"").body(Map.of("title", "Access to rare earths")).patch(path)
                .then().statusCode(200).header("ETag", "\"1\"");
        var before = database.fingerprint();
        api().header("If-Match", "\"0\"").body(Map.of("title", "Lost update")).patch(path)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        api().header("If-Match", "\"0\"").delete(path).then().statusCode(412);
        assertThat(database.fingerprint()).isEqualTo(before);
        api().header("If-None-Match", "\"1\"").get(path).then().statusCode(304);
    }

    @Test
    void shouldChangeReferenceUnlessTaken() {
        String agreementId = Fixtures.agreement();
        Fixtures.clause(agreementId, "1", null);
        String clauseId = Fixtures.clause(agreementId, "2", null);
        String path = clauses(agreementId) + "/" + clauseId;
        api().body(Map.of("reference", "1")).patch(path).then().statusCode(409)
                .body("code", equalTo("CLAUSE_REFERENCE_TAKEN"));
        api().body(Map.of("reference", "2.1")).patch(path).then().statusCode(200).body("reference", equalTo("2.1"));
    }

    @Test
    void shouldDeleteClauseAndThenAnswerNotFound() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        Fixtures.position(agreementId, clauseId, "UA", "ACCEPTS");
        String path = clauses(agreementId) + "/" + clauseId;
        api().header("If-Match", "\"1\"").delete(path).then().statusCode(204);
        api().get(path).then().statusCode(404).body("code", equalTo("CLAUSE_NOT_FOUND"));
        assertThat(database.count("select count(*) from clause_revisions where clause_id = ?::uuid", clauseId)).isZero();
    }

    @Test
    void shouldFilterAndPageClauses() {
        String agreementId = Fixtures.agreement();
        String critical = Fixtures.clause(agreementId, Map.of("reference", "5", "title", "US security guarantees (backstop)",
                "topic", "security", "priority", "CRITICAL", "status", "DEFERRED", "proposedBy", "UA"));
        String agreed = Fixtures.clause(agreementId, "1", "AGREED");
        String negotiating = Fixtures.clause(agreementId, "4", "UNDER_NEGOTIATION");
        assertThat(api().queryParam("priority", "CRITICAL").get(clauses(agreementId)).<List<String>>path("items.id"))
                .containsExactly(critical);
        assertThat(api().queryParam("open", "true").get(clauses(agreementId)).<List<String>>path("items.id"))
                .containsExactly(critical, negotiating);
        assertThat(api().queryParam("open", "false").get(clauses(agreementId)).<List<String>>path("items.id"))
                .containsExactly(agreed);
        assertThat(api().queryParam("status", "AGREED").queryParam("topic", "natural-resources").get(clauses(agreementId))
                .<List<String>>path("items.id")).containsExactly(agreed);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(clauses(agreementId));
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactly(critical, agreed, negotiating);
        badClient().queryParam("open", "yes").get(clauses(agreementId)).then().statusCode(400)
                .body("errors[0].field", equalTo("open"));
        badClient().queryParam("priority", "URGENT").get(clauses(agreementId)).then().statusCode(400)
                .body("errors[0].message", containsString("LOW, NORMAL, HIGH, CRITICAL"));
    }

    @Test
    void shouldRefuseUnknownStatusListingAllowedValues() {
        String agreementId = Fixtures.agreement();
        var before = database.fingerprint();
        Map<String, Object> body = new HashMap<>(Map.of("reference", "1", "title", "x", "status", "OPEN"));
        badClient().contentType("application/json").body(body).post(clauses(agreementId))
                .then().statusCode(400).body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("PROPOSED, UNDER_NEGOTIATION, DEFERRED, AGREED, REJECTED, WITHDRAWN"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }
}
