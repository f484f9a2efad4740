package dev.accords.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The US–Ukraine natural resources and reconstruction agreement of docs/DOMAIN.md, built entirely
 * through the API, from negotiation to both presidents' signatures.
 */
@QuarkusTest
class ExampleDealApiTest extends ApiTest {

    String agreementId;

    String post(String path, Map<String, Object> body) {
        return api().body(body).post(path).then().statusCode(201).extract().path("id");
    }

    String clause(Map<String, Object> body) {
        return post("/v1/agreements/" + agreementId + "/clauses", body);
    }

    void stance(String clauseId, String party, String stance, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("stance", stance);
        body.put("note", note);
        api().body(body).put("/v1/agreements/" + agreementId + "/clauses/" + clauseId + "/positions/" + party)
                .then().statusCode(200);
    }

    /** Every page of the cross-agreement report, narrowed to clauses like clause 5. */
    List<String> openCriticalDeferredSecurityClauses() {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("topic", "security").queryParam("priority", "CRITICAL")
                    .queryParam("status", "DEFERRED").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/open-clauses");
            ids.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @Test
    void shouldRunTheExampleDealFromNegotiationToBothSignatures() {
        agreementId = post("/v1/agreements", Deal.agreement("US–Ukraine Natural Resources and Reconstruction Agreement"));

        clause(Map.of("reference", "1", "title", "Access to rare earth and critical minerals",
                "topic", "natural-resources", "status", "AGREED"));
        clause(Map.of("reference", "2", "title", "Joint reconstruction investment fund",
                "topic", "reconstruction", "status", "AGREED"));
        String repayment = clause(Map.of("reference", "3",
                "title", "$500 billion share of mineral resources as repayment for past aid",
                "topic", "natural-resources", "proposedBy", "US"));
        stance(repayment, "UA", "REJECTS", "Ukraine will not repay past aid with its mineral wealth.");
        api().body(Map.of("status", "REJECTED", "statusReason", "Removed from the text"))
                .patch("/v1/agreements/" + agreementId + "/clauses/" + repayment).then().statusCode(200);
        String contribution = clause(Map.of("reference", "4", "title", "Contribution to Ukraine's security and peace",
                "topic", "security", "status", "UNDER_NEGOTIATION"));
        stance(contribution, "UA", "ACCEPTS", null);
        String guarantees = clause(Map.of("reference", "5", "title", "US security guarantees (backstop)",
                "topic", "security", "priority", "CRITICAL", "proposedBy", "UA", "status", "DEFERRED",
                "statusReason", "Left for future discussions"));
        stance(guarantees, "UA", "ACCEPTS", null);

        String zelensky = post("/v1/agreements/" + agreementId + "/signatories", Map.of("name", "Volodymyr Zelensky",
                "role", "President of Ukraine", "partyCode", "UA"));
        String trump = post("/v1/agreements/" + agreementId + "/signatories", Map.of("name", "Donald Trump",
                "role", "President of the United States", "partyCode", "US"));

        // What is still open? Clause 5 (deferred, critical) then clause 4 (blocking), both awaiting the US.
        String report = "/v1/agreements/" + agreementId + "/open-clauses";
        api().get(report).then().statusCode(200)
                .body("status", equalTo("NEGOTIATING"))
                .body("signable", equalTo(false))
                .body("totals.open", equalTo(2)).body("totals.blocking", equalTo(1)).body("totals.deferred", equalTo(1))
                .body("openClauses.reference", contains("5", "4"))
                .body("openClauses.id", contains(guarantees, contribution))
                .body("openClauses.status", contains("DEFERRED", "UNDER_NEGOTIATION"))
                .body("openClauses.blocking", contains(false, true))
                .body("openClauses[0].awaiting", contains("US"))
                .body("openClauses[1].awaiting", contains("US"))
                .body("counts.byTopic", equalTo(Map.of("security", 2)))
                .body("counts.byPriority", equalTo(Map.of("CRITICAL", 1, "NORMAL", 1)))
                .body("counts.byAwaitedParty", equalTo(Map.of("US", 2)));

        assertThat(openCriticalDeferredSecurityClauses()).contains(guarantees);

        // The US has not confirmed the text: finalizing is refused because of clause 4.
        api().body(Map.of("status", "FINALIZED")).patch("/v1/agreements/" + agreementId)
                .then().statusCode(409).body("code", equalTo("AGREEMENT_HAS_BLOCKING_CLAUSES"))
                .body("blockingClauses.reference", contains("4"));

        // The US confirms clause 4; security guarantees stay deferred to future discussions.
        stance(contribution, "US", "ACCEPTS", "The United States confirms the final text.");
        api().body(Map.of("status", "AGREED", "statusReason", "US confirmed the final text"))
                .patch("/v1/agreements/" + agreementId + "/clauses/" + contribution).then().statusCode(200);
        api().get(report).then().body("signable", equalTo(true)).body("totals.blocking", equalTo(0))
                .body("openClauses.reference", contains("5"));

        api().body(Map.of("status", "FINALIZED")).patch("/v1/agreements/" + agreementId)
                .then().statusCode(200).body("status", equalTo("FINALIZED"));

        // Both presidents sign together at the White House.
        String signatories = "/v1/agreements/" + agreementId + "/signatories/";
        api().body(Map.of("signedPlace", "Washington, D.C.")).post(signatories + zelensky + "/signature")
                .then().statusCode(200).body("status", equalTo("SIGNED"));
        api().get("/v1/agreements/" + agreementId).then().body("status", equalTo("FINALIZED"));
        api().body(Map.of("signedPlace", "Washington, D.C.")).post(signatories + trump + "/signature")
                .then().statusCode(200).body("status", equalTo("SIGNED"));
        api().get("/v1/agreements/" + agreementId).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("signedAt", notNullValue());

        // A signed agreement leaves the cross-agreement report, and can be read but not changed.
        assertThat(openCriticalDeferredSecurityClauses()).doesNotContain(guarantees);
        api().body(Map.of("title", "Amended")).patch("/v1/agreements/" + agreementId)
                .then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete("/v1/agreements/" + agreementId).then().statusCode(409).body("code", equalTo("AGREEMENT_SIGNED"));
    }
}
