package dev.accords.redline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accords.support.Race;

/** Concurrent decisions: one text wins, and the clause gets exactly one new revision. */
@QuarkusTest
class ProposalRaceApiTest extends RedlineApiBase {

    @Test
    void shouldAcceptOnlyOneOfManyProposalsRacingOnTheSameClauseVersion() {
        givenAClause();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(proposed("Text number " + i + ".", 1));
        }
        String etag = clauseETag();
        List<Response> responses = Race.run(ids.size(), client -> accept(US_NEGOTIATOR, ids.get(client), etag));
        assertThat(Race.count(responses, 200)).isEqualTo(1);
        // The losers waited on the clause row and then found it changed: a stale If-Match.
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).extracting(Response::statusCode).containsOnly(412);
        assertThat(currentRevision()).isEqualTo(2);
        api().get(proposals() + "?status=ACCEPTED").then().body("items.size()", equalTo(1));
        assertThat(database.count("select count(*) from agreement_events where target_id = ?::uuid "
                + "and kind = 'CLAUSE_PROPOSAL_ACCEPTED'", clauseId)).as("one acceptance, one event").isEqualTo(1);
    }

    @Test
    void shouldDecideAProposalOnceWhenDecisionsRace() {
        givenAClause();
        String id = proposed(PROPOSED, 1);
        String etag = clauseETag();
        List<Response> responses = Race.run(6, client -> switch (client % 3) {
            case 0 -> accept(US_NEGOTIATOR, id, etag);
            case 1 -> reject(US_NEGOTIATOR, id, null);
            default -> withdraw(UA_NEGOTIATOR, id);
        });
        assertThat(Race.count(responses, 200)).isEqualTo(1);
        // After a winning acceptance another acceptance's clause ETag is stale (412); every other loser
        // finds the proposal decided.
        assertThat(responses).extracting(Response::statusCode)
                .allSatisfy(status -> assertThat(status).isIn(200, 409, 412));
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("code"))
                .containsOnly("PROPOSAL_NOT_OPEN");
        assertThat(database.count("select count(*) from agreement_events where target_id = ?::uuid "
                + "and kind like 'CLAUSE_PROPOSAL_%' and kind <> 'CLAUSE_PROPOSAL_SUBMITTED'", clauseId))
                .as("one decision, one event").isEqualTo(1);
    }
}
