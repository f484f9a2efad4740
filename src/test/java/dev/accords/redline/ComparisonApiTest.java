package dev.accords.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;

/** The word-level comparison of revisions and proposals, and its attribution. */
@QuarkusTest
class ComparisonApiTest extends RedlineApiBase {

    @BeforeEach
    void clause() {
        givenAClause();
    }

    @Test
    void shouldCompareARevisionWithAProposalWordByWord() {
        String id = proposed(PROPOSED, 1);
        JsonPath comparison = as(Tokens.reader()).queryParam("from", 1).queryParam("to", id).get(clausePath() + "/compare")
                .then().statusCode(200)
                .body("from.kind", equalTo("REVISION")).body("from.revision", equalTo(1))
                .body("from.author", equalTo("test-negotiator")).body("from.partyCode", equalTo(null))
                .body("to.kind", equalTo("PROPOSAL")).body("to.proposalId", equalTo(id)).body("to.revision", equalTo(1))
                .body("to.author", equalTo("ua-negotiator")).body("to.partyCode", equalTo("UA"))
                .body("coarse", equalTo(false))
                .extract().jsonPath();
        List<Map<String, Object>> operations = comparison.getList("operations");
        assertThat(operations).extracting(op -> op.get("op"), op -> op.get("text")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("EQUAL", "The United States supports Ukraine's efforts to obtain "),
                org.assertj.core.groups.Tuple.tuple("DELETE", "assurances "),
                org.assertj.core.groups.Tuple.tuple("INSERT", "security guarantees "),
                org.assertj.core.groups.Tuple.tuple("EQUAL", "needed to establish lasting peace."));
        assertThat(operations).filteredOn(op -> !op.get("op").equals("EQUAL"))
                .allSatisfy(op -> assertThat(op).containsEntry("author", "ua-negotiator").containsEntry("partyCode", "UA"));
        assertThat(operations).filteredOn(op -> op.get("op").equals("EQUAL"))
                .allSatisfy(op -> assertThat(op).containsEntry("author", null).containsEntry("partyCode", null));
        assertThat(joined(operations, "DELETE")).isEqualTo(ORIGINAL);
        assertThat(joined(operations, "INSERT")).isEqualTo(PROPOSED);
    }

    @Test
    void shouldCompareTwoRevisionsAttributingTheAcceptedTextToItsProposer() {
        String id = proposed(PROPOSED, 1);
        acceptedAs(US_NEGOTIATOR, id);
        List<Map<String, Object>> operations = api().get(clausePath() + "/compare?from=1&to=2").then().statusCode(200)
                .body("from.kind", equalTo("REVISION")).body("to.kind", equalTo("REVISION"))
                .body("to.revision", equalTo(2)).body("to.proposalId", equalTo(null))
                .body("to.author", equalTo("ua-negotiator")).body("to.partyCode", equalTo("UA"))
                .extract().jsonPath().getList("operations");
        assertThat(joined(operations, "DELETE")).isEqualTo(ORIGINAL);
        assertThat(joined(operations, "INSERT")).isEqualTo(PROPOSED);
        assertThat(operations).filteredOn(op -> op.get("op").equals("INSERT"))
                .extracting(op -> op.get("text")).containsExactly("security guarantees ");
        // Backwards, the deletion is of what the proposal inserted, by revision 1's author.
        List<Map<String, Object>> back = api().get(clausePath() + "/compare?from=2&to=1").then().statusCode(200)
                .body("to.author", equalTo("test-negotiator")).extract().jsonPath().getList("operations");
        assertThat(back).filteredOn(op -> op.get("op").equals("DELETE"))
                .extracting(op -> op.get("text")).containsExactly("security guarantees ");
    }

    @Test
    void shouldCompareARevisionWithoutTextAsEmpty() {
        String bare = Fixtures.clause(agreementId, "9", null);
        String path = "/v1/agreements/" + agreementId + "/clauses/" + bare;
        String id = as(UA_NEGOTIATOR).body(proposal("Brand new.", 1, "UA")).post(path + "/proposals").then()
                .statusCode(201).extract().path("id");
        api().get(path + "/compare?from=1&to=" + id).then().statusCode(200)
                .body("operations.op", equalTo(List.of("INSERT"))).body("operations[0].text", equalTo("Brand new."));
    }

    @Test
    void shouldAnswerNotFoundForAMissingRevisionOrProposal() {
        api().get(clausePath() + "/compare?from=1&to=5").then().statusCode(404).body("code", equalTo("REVISION_NOT_FOUND"));
        api().get(clausePath() + "/compare?from=" + UUID.randomUUID() + "&to=1").then().statusCode(404)
                .body("code", equalTo("PROPOSAL_NOT_FOUND"));
        String other = Fixtures.agreement();
        api().get("/v1/agreements/" + other + "/clauses/" + clauseId + "/compare?from=1&to=1").then().statusCode(404)
                .body("code", equalTo("CLAUSE_NOT_FOUND"));
    }

    @Test
    void shouldRefuseAmbiguousOrMissingSides() {
        for (String query : List.of("from=0&to=1", "from=01&to=1", "from=r1&to=1", "from=1", "to=1",
                "from=1&to=proposal", "from=1&to=1&extra=2")) {
            badClient().get(clausePath() + "/compare?" + query).then().statusCode(400)
                    .body("code", equalTo("VALIDATION_FAILED"));
        }
    }

    private static String joined(List<Map<String, Object>> operations, String kept) {
        return operations.stream().filter(op -> op.get("op").equals("EQUAL") || op.get("op").equals(kept))
                .map(op -> (String) op.get("text")).collect(Collectors.joining());
    }
}
