package dev.accords.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import dev.accords.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OpenClauseReportApiTest extends ApiTest {

    static String clause(String agreementId, String reference, String topic, String priority, String status) {
        return Fixtures.clause(agreementId, Map.of("reference", reference, "title", "Clause " + reference,
                "topic", topic, "priority", priority, "status", status));
    }

    void backdate(String clauseId, int days) {
        database.execute("update clauses set open_since = open_since - make_interval(days => ?) where id = ?::uuid",
                days, clauseId);
    }

    @Test
    void shouldListOpenClausesMostUrgentFirstWithWhoIsAwaited() {
        String agreementId = Fixtures.agreement();
        String low = clause(agreementId, "1", "reconstruction", "LOW", "PROPOSED");
        String highOld = clause(agreementId, "2", "security", "HIGH", "UNDER_NEGOTIATION");
        String highNew = clause(agreementId, "3", "security", "HIGH", "PROPOSED");
        String critical = clause(agreementId, "4", "security", "CRITICAL", "DEFERRED");
        clause(agreementId, "5", "security", "CRITICAL", "AGREED");
        backdate(highOld, 3);
        Fixtures.position(agreementId, highOld, "UA", "ACCEPTS");
        Fixtures.position(agreementId, critical, "US", "ACCEPTS");
        Fixtures.position(agreementId, critical, "UA", "ACCEPTS");

        api().get("/v1/agreements/" + agreementId + "/open-clauses").then().statusCode(200)
                .body("status", equalTo("NEGOTIATING"))
                .body("signable", equalTo(false))
                .body("totals.open", equalTo(4)).body("totals.blocking", equalTo(3)).body("totals.deferred", equalTo(1))
                .body("openClauses.id", contains(critical, highOld, highNew, low))
                .body("openClauses[0].awaiting", hasSize(0))
                .body("openClauses[1].awaiting", contains("US"))
                .body("openClauses[1].daysOpen", equalTo(3))
                .body("openClauses[2].awaiting", contains("US", "UA"))
                .body("openClauses[2].daysOpen", equalTo(0))
                .body("openClauses.blocking", contains(false, true, true, true))
                .body("counts.byTopic.security", equalTo(3)).body("counts.byTopic.reconstruction", equalTo(1))
                .body("counts.byPriority.CRITICAL", equalTo(1)).body("counts.byPriority.HIGH", equalTo(2))
                .body("counts.byPriority.LOW", equalTo(1))
                .body("counts.byAwaitedParty.US", equalTo(3)).body("counts.byAwaitedParty.UA", equalTo(2));
    }

    @Test
    void shouldReportNothingOpenForAnAgreementWithoutClauses() {
        String agreementId = Fixtures.agreement();
        api().get("/v1/agreements/" + agreementId + "/open-clauses").then().statusCode(200)
                .body("totals.open", equalTo(0)).body("openClauses", hasSize(0))
                .body("signable", equalTo(false));
    }

    @Test
    void shouldAnswerNotFoundAndRefuseQueryParameters() {
        api().get("/v1/agreements/00000000-0000-4000-8000-000000000000/open-clauses").then().statusCode(404)
                .body("code", equalTo("AGREEMENT_NOT_FOUND"));
        badClient().queryParam("limit", 5).get("/v1/agreements/" + Fixtures.agreement() + "/open-clauses")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldFilterOpenClausesAcrossAgreements() {
        String topic = Deal.uniqueTag();
        String first = Fixtures.agreement();
        String second = Fixtures.agreement();
        String withdrawn = Fixtures.agreement();
        String a = clause(first, "1", topic, "HIGH", "UNDER_NEGOTIATION");
        String b = clause(second, "1", topic, "CRITICAL", "DEFERRED");
        String c = clause(second, "2", topic, "NORMAL", "PROPOSED");
        clause(second, "3", topic, "NORMAL", "AGREED");
        clause(withdrawn, "1", topic, "CRITICAL", "PROPOSED");
        Fixtures.patchAgreement(withdrawn, Map.of("status", "WITHDRAWN"));
        Fixtures.position(second, b, "US", "ACCEPTS");
        backdate(c, 10);

        api().queryParam("topic", topic).get("/v1/open-clauses").then().statusCode(200)
                .body("items.id", contains(b, a, c))
                .body("items[0].agreementId", equalTo(second))
                .body("items[0].agreementTitle", equalTo(api().get("/v1/agreements/" + second).path("title")));
        assertThat(ids(Map.of("topic", topic, "party", "US"))).containsExactly(a, c);
        assertThat(ids(Map.of("topic", topic, "priority", "CRITICAL"))).containsExactly(b);
        assertThat(ids(Map.of("topic", topic, "status", "PROPOSED"))).containsExactly(c);
        assertThat(ids(Map.of("topic", topic, "minDaysOpen", 7))).containsExactly(c);
        assertThat(ids(Map.of("topic", topic, "party", "EU"))).isEmpty();
    }

    @Test
    void shouldPageOpenClausesAcrossAgreements() {
        String topic = Deal.uniqueTag();
        String agreementId = Fixtures.agreement();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(clause(agreementId, "c" + i, topic, i < 2 ? "CRITICAL" : "LOW", "PROPOSED"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("topic", topic).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/open-clauses");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void shouldRefuseClosedStatusAndBadFilters() {
        badClient().queryParam("status", "AGREED").get("/v1/open-clauses").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        badClient().queryParam("minDaysOpen", -1).get("/v1/open-clauses").then().statusCode(400)
                .body("errors[0].field", equalTo("minDaysOpen"));
        badClient().queryParam("party", "u s").get("/v1/open-clauses").then().statusCode(400)
                .body("errors[0].field", equalTo("party"));
        badClient().queryParam("cursor", "garbage").get("/v1/open-clauses").then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    private List<String> ids(Map<String, Object> query) {
        return api().queryParams(query).get("/v1/open-clauses").then().statusCode(200).extract().path("items.id");
    }
}
