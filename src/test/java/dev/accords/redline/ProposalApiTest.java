package dev.accords.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;

/** Submitting and reading redline proposals, and what a submission refuses. */
@QuarkusTest
class ProposalApiTest extends RedlineApiBase {

    @BeforeEach
    void clause() {
        givenAClause();
    }

    @Test
    void shouldSubmitAnOpenProposalAndReadItBack() {
        String id = propose(UA_NEGOTIATOR, PROPOSED, 1, "UA").then().statusCode(201)
                .header("Location", startsWith("http")).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN")).body("partyCode", equalTo("UA")).body("text", equalTo(PROPOSED))
                .body("basedOnRevision", equalTo(1)).body("outdated", equalTo(false))
                .body("author", equalTo("ua-negotiator")).body("decidedAt", nullValue())
                .body("acceptedRevision", nullValue()).body("clauseId", equalTo(clauseId))
                .extract().path("id");
        api().get(proposals() + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("text", equalTo(PROPOSED)).body("status", equalTo("OPEN"));
        api().header("If-None-Match", "\"0\"").get(proposals() + "/" + id).then().statusCode(304);
        // A proposal changes nothing of the clause.
        api().get(clausePath()).then().body("text", equalTo(ORIGINAL)).body("version", equalTo(0));
    }

    @Test
    void shouldTakeTheOnePartyOfABoundTokenWhenPartyCodeIsLeftOut() {
        propose(UA_NEGOTIATOR, PROPOSED, 1, null).then().statusCode(201).body("partyCode", equalTo("UA"));
    }

    @Test
    void shouldRequirePartyCodeFromAnUnboundToken() {
        var before = database.fingerprint();
        badClient().contentType("application/json").body(proposal(PROPOSED, 1, null)).post(proposals())
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("partyCode"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldListProposalsOldestFirstInPagesAndByStatus() {
        String first = proposed("One.", 1);
        String second = proposed("Two.", 1);
        String third = proposed("Three.", 1);
        withdraw(UA_NEGOTIATOR, second).then().statusCode(200);
        String cursor = api().get(proposals() + "?limit=2").then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second))).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        api().queryParam("limit", 2).queryParam("cursor", cursor).get(proposals()).then().statusCode(200)
                .body("items.id", equalTo(List.of(third))).body("nextCursor", nullValue());
        api().get(proposals() + "?status=OPEN").then().statusCode(200).body("items.id", equalTo(List.of(first, third)));
        api().get(proposals() + "?status=WITHDRAWN").then().statusCode(200)
                .body("items.id", equalTo(List.of(second))).body("items[0].status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldRefuseAProposalBasedOnAnOutdatedRevisionNamingTheCurrentOne() {
        Fixtures.patchClause(agreementId, clauseId, Map.of("text", "A new text."));
        var before = database.fingerprint();
        propose(UA_NEGOTIATOR, PROPOSED, 1, "UA").then().statusCode(409)
                .body("code", equalTo("PROPOSAL_BASE_OUTDATED")).body("currentRevision", equalTo(2))
                .body("detail", containsString("current revision is 2"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAProposalWhileTheAgreementIsFinalized() {
        Fixtures.patchClause(agreementId, clauseId, Map.of("status", "AGREED"));
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        var before = database.fingerprint();
        propose(UA_NEGOTIATOR, PROPOSED, 2, "UA").then().statusCode(409).body("code", equalTo("AGREEMENT_FINALIZED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldStoreNothingForBadInput() {
        var before = database.fingerprint();
        badClient().contentType("application/json").body(proposal("x".repeat(20001), 1, "UA")).post(proposals())
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("text"));
        badClient().contentType("application/json").body(Map.of("text", PROPOSED, "partyCode", "UA")).post(proposals())
                .then().statusCode(400).body("errors[0].field", equalTo("basedOnRevision"));
        badClient().contentType("application/json").body(proposal(PROPOSED, 0, "UA")).post(proposals())
                .then().statusCode(400).body("errors[0].field", equalTo("basedOnRevision"));
        badClient().contentType("application/json").body(proposal(PROPOSED, 1, "RU")).post(proposals())
                .then().statusCode(400).body("errors[0].field", equalTo("partyCode"))
                .body("detail", containsString("RU is not a party"));
        String otherAgreement = Fixtures.agreement();
        before = database.fingerprint();
        api().body(proposal(PROPOSED, 1, "UA")).post("/v1/agreements/" + otherAgreement + "/clauses/" + clauseId + "/proposals")
                .then().statusCode(404).body("code", equalTo("CLAUSE_NOT_FOUND"));
        api().get(proposals() + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .body("code", equalTo("PROPOSAL_NOT_FOUND"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldNotFindAProposalThroughAnotherClause() {
        String id = proposed(PROPOSED, 1);
        String otherClause = Fixtures.clause(agreementId, "9", null);
        api().get("/v1/agreements/" + agreementId + "/clauses/" + otherClause + "/proposals/" + id)
                .then().statusCode(404).body("code", equalTo("PROPOSAL_NOT_FOUND"));
        api().get("/v1/agreements/" + agreementId + "/clauses/" + otherClause + "/proposals")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldLetReadersReadButNotPropose() {
        String id = proposed(PROPOSED, 1);
        as(Tokens.reader()).get(proposals()).then().statusCode(200).body("items", hasSize(1));
        as(Tokens.reader()).get(proposals() + "/" + id).then().statusCode(200);
        var before = database.fingerprint();
        as(Tokens.reader()).body(proposal(PROPOSED, 1, "UA")).post(proposals()).then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        as(Tokens.reader()).header("If-Match", clauseETag()).post(proposals() + "/" + id + "/acceptance")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRecordTheSubmissionAsAnEventOfTheClause() {
        String id = proposed(PROPOSED, 1);
        api().get("/v1/agreements/" + agreementId + "/events?limit=100").then().statusCode(200)
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.targetId", equalTo(clauseId))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.targetType", equalTo("CLAUSE"))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.actor", equalTo("ua-negotiator"))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.changes.proposalId", equalTo(id))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.changes.partyCode", equalTo("UA"))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.changes.basedOnRevision", equalTo(1))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_SUBMITTED' }.changes.status", equalTo("OPEN"));
    }

    @Test
    void shouldCountOpenProposalsInTheOpenClausesReport() {
        String first = proposed("One.", 1);
        proposed("Two.", 1);
        proposed("Three.", 1);
        reject(US_NEGOTIATOR, first, null).then().statusCode(200);
        api().get("/v1/agreements/" + agreementId + "/open-clauses").then().statusCode(200)
                .body("openClauses.find { it.id == '" + clauseId + "' }.openProposals", equalTo(2));
        api().get("/v1/open-clauses?limit=100").then().statusCode(200);
    }

    @Test
    void shouldRefuseRemovingAPartyThatAProposalSpeaksFor() {
        List<Map<String, String>> usAndUa = List.of(Map.of("code", "US", "name", "United States"),
                Map.of("code", "UA", "name", "Ukraine"));
        List<Map<String, String>> withEu = new java.util.ArrayList<>(usAndUa);
        withEu.add(Map.of("code", "EU", "name", "European Union"));
        Fixtures.patchAgreement(agreementId, Map.of("parties", withEu));
        propose(Tokens.negotiator(), PROPOSED, 1, "EU").then().statusCode(201);
        var before = database.fingerprint();
        api().contentType("application/merge-patch+json").body(Map.of("parties", usAndUa))
                .patch("/v1/agreements/" + agreementId).then().statusCode(409).body("code", equalTo("PARTY_IN_USE"))
                .body("parties", equalTo(List.of("EU")));
        assertThat(database.fingerprint()).isEqualTo(before);
    }
}
