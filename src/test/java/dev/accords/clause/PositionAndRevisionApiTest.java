package dev.accords.clause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class PositionAndRevisionApiTest extends ApiTest {

    static String clause(String agreementId, String clauseId) {
        return "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
    }

    @Test
    void shouldSetAPartysStanceAndBumpTheClauseVersion() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", "UNDER_NEGOTIATION");
        as(Tokens.forParty("ua-negotiator", "negotiator", "UA")).header("If-Match", "\"0\"")
                .body(Map.of("stance", "ACCEPTS", "note", "Ukraine accepts the contribution to its security and peace."))
                .put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("positions.partyCode", contains("US", "UA"))
                .body("positions.stance", contains("NO_POSITION", "ACCEPTS"))
                .body("positions[1].note", containsString("Ukraine accepts"))
                .body("positions[1].updatedAt", notNullValue());
    }

    @Test
    void shouldAnswerNotFoundForAPartyOutsideTheAgreement() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", null);
        var before = database.fingerprint();
        api().body(Map.of("stance", "ACCEPTS")).put(clause(agreementId, clauseId) + "/positions/EU")
                .then().statusCode(404).body("code", equalTo("PARTY_NOT_FOUND"));
        badClient().contentType("application/json").body(Map.of("stance", "ACCEPTS"))
                .put(clause(agreementId, clauseId) + "/positions/not a code")
                .then().statusCode(404).body("code", equalTo("PARTY_NOT_FOUND"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseUnknownStanceListingAllowedOnes() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", null);
        var before = database.fingerprint();
        badClient().contentType("application/json").body(Map.of("stance", "MAYBE"))
                .put(clause(agreementId, clauseId) + "/positions/US")
                .then().statusCode(400).body("errors[0].field", equalTo("stance"))
                .body("errors[0].message", containsString("NO_POSITION, ACCEPTS, RESERVES, REJECTS"));
        badClient().contentType("application/json").body(Map.of("note", "no stance"))
                .put(clause(agreementId, clauseId) + "/positions/US")
                .then().statusCode(400).body("errors[0].field", equalTo("stance"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnObjectionToAnAgreedClause() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", "AGREED");
        var before = database.fingerprint();
        api().body(Map.of("stance", "RESERVES")).put(clause(agreementId, clauseId) + "/positions/US")
                .then().statusCode(409).body("code", equalTo("CLAUSE_HAS_OBJECTIONS"));
        assertThat(database.fingerprint()).isEqualTo(before);
        Fixtures.position(agreementId, clauseId, "US", "ACCEPTS");
    }

    @Test
    void shouldRecordEveryChangeAsARevisionOldestFirst() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, Map.of("reference", "3",
                "title", "$500 billion share of mineral resources as repayment for past aid", "proposedBy", "US"));
        Fixtures.position(agreementId, clauseId, "UA", "REJECTS");
        Fixtures.patchClause(agreementId, clauseId, Map.of("status", "REJECTED", "statusReason", "Removed from the text"));
        Fixtures.patchClause(agreementId, clauseId, Map.of("text", "Struck."));

        api().get(clause(agreementId, clauseId) + "/revisions").then().statusCode(200)
                .body("items.number", contains(1, 2, 3, 4))
                .body("items[0].changes", contains("created"))
                .body("items[0].status", equalTo("PROPOSED"))
                .body("items[1].changes", contains("positions.UA"))
                .body("items[1].positions.stance", contains("NO_POSITION", "REJECTS"))
                .body("items[2].changes", contains("status", "statusReason"))
                .body("items[2].status", equalTo("REJECTED"))
                .body("items[2].statusReason", equalTo("Removed from the text"))
                .body("items[3].changes", contains("text"))
                .body("items[3].text", equalTo("Struck."))
                .body("nextCursor", equalTo(null));
    }

    @Test
    void shouldAddNoRevisionForAChangeOfNothing() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "2", null);
        Fixtures.patchClause(agreementId, clauseId, Map.of("title", "Clause 2", "status", "PROPOSED"));
        Fixtures.position(agreementId, clauseId, "US", "NO_POSITION");
        api().get(clause(agreementId, clauseId)).then().header("ETag", "\"0\"");
        api().get(clause(agreementId, clauseId) + "/revisions").then().body("items.number", contains(1));
        // topic and priority classify the clause: they change its version but are not revisions
        Fixtures.patchClause(agreementId, clauseId, Map.of("priority", "HIGH"));
        api().get(clause(agreementId, clauseId) + "/revisions").then().body("items.number", contains(1));
    }

    @Test
    void shouldPageRevisions() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", null);
        for (String stance : List.of("RESERVES", "REJECTS", "ACCEPTS", "RESERVES")) {
            Fixtures.position(agreementId, clauseId, "US", stance);
        }
        List<Integer> numbers = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(clause(agreementId, clauseId) + "/revisions");
            numbers.addAll(page.path("items.number"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(numbers).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void shouldKeepRevisionsImmutableInTheDatabase() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        assertThatThrownBy(() -> database.count(
                "with changed as (update clause_revisions set title = 'forged' where clause_id = ?::uuid returning 1) "
                        + "select count(*) from changed", clauseId))
                .hasMessageContaining("immutable");
        api().get(clause(agreementId, clauseId) + "/revisions").then().body("items[0].title", equalTo("Clause 1"));
    }
}
