package dev.accords.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

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
class AuditTrailApiTest extends ApiTest {

    @Test
    void shouldRecordEveryChangeWithItsActorKindAndFields() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", "UNDER_NEGOTIATION");
        as(Tokens.forSubject("us-negotiator", "negotiator")).body(Map.of("stance", "ACCEPTS"))
                .put("/v1/agreements/" + agreementId + "/clauses/" + clauseId + "/positions/US").then().statusCode(200);
        Fixtures.position(agreementId, clauseId, "UA", "ACCEPTS");
        Fixtures.patchClause(agreementId, clauseId, Map.of("status", "AGREED", "statusReason", "US confirmed the final text"));
        String signatoryId = api().body(Map.of("name", "Donald Trump", "partyCode", "US"))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201).extract().path("id");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        api().body(Map.of()).post("/v1/agreements/" + agreementId + "/signatories/" + signatoryId + "/signature")
                .then().statusCode(200);

        api().get("/v1/agreements/" + agreementId + "/events").then().statusCode(200)
                .body("items.kind", contains("AGREEMENT_CREATED", "CLAUSE_CREATED", "CLAUSE_POSITION_CHANGED",
                        "CLAUSE_POSITION_CHANGED", "CLAUSE_STATUS_CHANGED", "SIGNATORY_CREATED",
                        "AGREEMENT_STATUS_CHANGED", "SIGNATORY_SIGNED", "AGREEMENT_STATUS_CHANGED"))
                .body("items[0].actor", equalTo("test-negotiator"))
                .body("items[0].changes.title", org.hamcrest.Matchers.startsWith("US–Ukraine"))
                .body("items[2].actor", equalTo("us-negotiator"))
                .body("items[2].changes.partyCode", equalTo("US"))
                .body("items[2].changes.stance", equalTo("ACCEPTS"))
                .body("items[4].targetId", equalTo(clauseId))
                .body("items[4].changes.status", equalTo("AGREED"))
                .body("items[4].changes.statusReason", equalTo("US confirmed the final text"))
                .body("items[6].changes.status", equalTo("FINALIZED"))
                .body("items[8].changes.status", equalTo("SIGNED"));
    }

    @Test
    void shouldRecordTheDeclinedSignatoryAskedAgainWhenTheAgreementIsReopened() {
        String agreementId = Fixtures.agreement();
        String signatoryId = api().body(Map.of("name", "Donald Trump", "partyCode", "US"))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201).extract().path("id");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        api().body(Map.of("reason", "Not final for the United States."))
                .post("/v1/agreements/" + agreementId + "/signatories/" + signatoryId + "/declination").then().statusCode(200);
        Fixtures.patchAgreement(agreementId, Map.of("status", "NEGOTIATING"));

        api().get("/v1/agreements/" + agreementId + "/events").then().statusCode(200)
                .body("items.kind", contains("AGREEMENT_CREATED", "SIGNATORY_CREATED", "AGREEMENT_STATUS_CHANGED",
                        "SIGNATORY_DECLINED", "SIGNATORY_UPDATED", "AGREEMENT_STATUS_CHANGED"))
                .body("items[4].targetType", equalTo("SIGNATORY"))
                .body("items[4].targetId", equalTo(signatoryId))
                .body("items[4].changes.status", equalTo("PENDING"))
                .body("items[4].changes.declineReason", nullValue())
                .body("items[4].changes", hasKey("declineReason"))
                .body("items[5].changes.status", equalTo("NEGOTIATING"));
    }

    @Test
    void shouldRecordNothingForARefusedOrEmptyChange() {
        String agreementId = Fixtures.agreement();
        api().body(Map.of("status", "SIGNED")).patch("/v1/agreements/" + agreementId).then().statusCode(409);
        api().body(Map.of("signingPlace", "Washington, D.C.")).patch("/v1/agreements/" + agreementId).then().statusCode(200);
        api().get("/v1/agreements/" + agreementId + "/events").then().body("items.kind", contains("AGREEMENT_CREATED"));
    }

    @Test
    void shouldPageEventsOldestFirst() {
        String agreementId = Fixtures.agreement();
        for (int i = 0; i < 4; i++) {
            Fixtures.patchAgreement(agreementId, Map.of("summary", "Round " + i));
        }
        List<Long> sequence = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/agreements/" + agreementId + "/events");
            page.<List<Number>>path("items.sequence").forEach(n -> sequence.add(n.longValue()));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(sequence).hasSize(5).isSorted();
    }

    @Test
    void shouldKeepEventsAppendOnlyInTheDatabase() {
        String agreementId = Fixtures.agreement();
        assertThatThrownBy(() -> database.execute("delete from agreement_events where agreement_id = ?::uuid", agreementId))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.execute("update agreement_events set actor = 'forger' where agreement_id = ?::uuid",
                agreementId)).hasMessageContaining("append-only");
    }
}
