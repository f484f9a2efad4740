package dev.accords.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;

/** Accepting, rejecting and withdrawing proposals, and who may. */
@QuarkusTest
class ProposalDecisionApiTest extends RedlineApiBase {

    @BeforeEach
    void clause() {
        givenAClause();
    }

    @Test
    void shouldMakeTheAcceptedTextTheClausesNextRevision() {
        String id = proposed(PROPOSED, 1);
        String etag = clauseETag();
        accept(US_NEGOTIATOR, id, etag).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ACCEPTED")).body("acceptedRevision", equalTo(2))
                .body("decidedBy", equalTo("us-negotiator")).body("decidedAt", notNullValue())
                .body("outdated", equalTo(false));
        api().get(clausePath()).then().body("text", equalTo(PROPOSED)).body("version", equalTo(1));
        api().get(clausePath() + "/revisions").then().statusCode(200)
                .body("items[1].number", equalTo(2)).body("items[1].changes", equalTo(List.of("text")))
                .body("items[1].text", equalTo(PROPOSED));
        api().get("/v1/agreements/" + agreementId + "/events?limit=100").then()
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_ACCEPTED' }.changes.proposalId", equalTo(id))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_ACCEPTED' }.changes.acceptedRevision", equalTo(2))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_ACCEPTED' }.changes.text", equalTo(PROPOSED))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_ACCEPTED' }.changes.status", equalTo("ACCEPTED"))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_ACCEPTED' }.actor", equalTo("us-negotiator"));
    }

    @Test
    void shouldRequireIfMatchToAccept() {
        String id = proposed(PROPOSED, 1);
        var before = database.fingerprint();
        // The contract declares If-Match required, so only the response is checked against it here.
        badClientAs(US_NEGOTIATOR).post(proposals() + "/" + id + "/acceptance").then().statusCode(428)
                .body("code", equalTo("PRECONDITION_REQUIRED"))
                .body("detail", containsString("\"0\""));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAcceptingWithAStaleClauseETag() {
        String id = proposed(PROPOSED, 1);
        String stale = clauseETag();
        Fixtures.position(agreementId, clauseId, "US", "RESERVES");
        var before = database.fingerprint();
        accept(US_NEGOTIATOR, id, stale).then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldLeaveOtherOpenProposalsOpenButOutdated() {
        String accepted = proposed(PROPOSED, 1);
        String other = proposed("Another text.", 1);
        acceptedAs(US_NEGOTIATOR, accepted);
        api().get(proposals() + "/" + other).then().body("status", equalTo("OPEN")).body("outdated", equalTo(true));
        var before = database.fingerprint();
        accept(US_NEGOTIATOR, other, clauseETag()).then().statusCode(409)
                .body("code", equalTo("PROPOSAL_BASE_OUTDATED")).body("currentRevision", equalTo(2));
        assertThat(database.fingerprint()).isEqualTo(before);
        // An outdated proposal can still be rejected.
        reject(US_NEGOTIATOR, other, "overtaken").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("outdated", equalTo(false));
    }

    @Test
    void shouldKeepRejectedAndWithdrawnProposalsOnTheRecord() {
        String rejected = proposed("One.", 1);
        String withdrawn = proposed("Two.", 1);
        reject(US_NEGOTIATOR, rejected, "Guarantees belong in a separate agreement.").then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("REJECTED"))
                .body("reason", equalTo("Guarantees belong in a separate agreement."))
                .body("decidedBy", equalTo("us-negotiator"));
        withdraw(UA_NEGOTIATOR, withdrawn).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("reason", nullValue()).body("decidedBy", equalTo("ua-negotiator"));
        api().get(proposals()).then().statusCode(200)
                .body("items.id", equalTo(List.of(rejected, withdrawn)))
                .body("items.status", equalTo(List.of("REJECTED", "WITHDRAWN")));
        api().get(clausePath()).then().body("text", equalTo(ORIGINAL));
        api().get("/v1/agreements/" + agreementId + "/events?limit=100").then()
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_REJECTED' }.changes.proposalId", equalTo(rejected))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_REJECTED' }.changes.reason",
                        equalTo("Guarantees belong in a separate agreement."))
                .body("items.find { it.kind == 'CLAUSE_PROPOSAL_WITHDRAWN' }.changes.proposalId", equalTo(withdrawn));
    }

    @Test
    void shouldRefuseDecidingADecidedProposalAgain() {
        String id = proposed(PROPOSED, 1);
        withdraw(UA_NEGOTIATOR, id).then().statusCode(200);
        var before = database.fingerprint();
        accept(US_NEGOTIATOR, id, clauseETag()).then().statusCode(409).body("code", equalTo("PROPOSAL_NOT_OPEN"))
                .body("detail", containsString("WITHDRAWN"));
        reject(US_NEGOTIATOR, id, null).then().statusCode(409).body("code", equalTo("PROPOSAL_NOT_OPEN"));
        withdraw(UA_NEGOTIATOR, id).then().statusCode(409).body("code", equalTo("PROPOSAL_NOT_OPEN"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseABoundTokenProposingForAnotherParty() {
        var before = database.fingerprint();
        propose(US_NEGOTIATOR, PROPOSED, 1, "UA").then().statusCode(403).body("code", equalTo("PARTY_NOT_REPRESENTED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseTheProposingPartyDecidingItsOwnProposal() {
        String id = proposed(PROPOSED, 1);
        var before = database.fingerprint();
        accept(UA_NEGOTIATOR, id, clauseETag()).then().statusCode(403).body("code", equalTo("PARTY_BOUND_TOKEN"));
        reject(UA_NEGOTIATOR, id, null).then().statusCode(403).body("code", equalTo("PARTY_BOUND_TOKEN"));
        assertThat(database.fingerprint()).isEqualTo(before);
        acceptedAs(US_NEGOTIATOR, id);
    }

    @Test
    void shouldLetOnlyTheProposingPartyOrAnUnboundTokenWithdraw() {
        String id = proposed(PROPOSED, 1);
        var before = database.fingerprint();
        withdraw(US_NEGOTIATOR, id).then().statusCode(403).body("code", equalTo("PARTY_NOT_REPRESENTED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        withdraw(Tokens.negotiator(), id).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldLetUnboundNegotiatorsAndAdminsAccept() {
        String first = proposed(PROPOSED, 1);
        acceptedAs(Tokens.negotiator(), first);
        String second = proposed("Admin's choice.", 2);
        acceptedAs(Tokens.admin(), second);
        api().get(clausePath()).then().body("text", equalTo("Admin's choice."));
    }

    @Test
    void shouldRefuseAcceptingWhileTheAgreementIsFinalized() {
        String id = proposed(PROPOSED, 1);
        Fixtures.patchClause(agreementId, clauseId, Map.of("status", "AGREED"));
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        var before = database.fingerprint();
        // The status change made revision 2, so the proposal is outdated too; the agreement's rule speaks first.
        accept(US_NEGOTIATOR, id, clauseETag()).then().statusCode(409).body("code", equalTo("AGREEMENT_FINALIZED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        reject(US_NEGOTIATOR, id, "frozen").then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void shouldRefuseAStaleProposalETagOnRejection() {
        String id = proposed(PROPOSED, 1);
        var before = database.fingerprint();
        as(US_NEGOTIATOR).header("If-Match", "\"7\"").body(Map.of()).post(proposals() + "/" + id + "/rejection")
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        as(US_NEGOTIATOR).header("If-Match", "\"0\"").body(Map.of()).post(proposals() + "/" + id + "/rejection")
                .then().statusCode(200);
    }
}
