package dev.accords.provenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;

/** Where each fact comes from: the source a write cites, kept by the facts it set, its events and revisions. */
@QuarkusTest
class ProvenanceApiTest extends ApiTest {

    static final Map<String, Object> REPORTED = source("https://news.example/minerals-deal-terms", "REPORTED");
    static final Map<String, Object> CONFIRMED = source("https://gov.example/statement-26-february", "CONFIRMED");

    static Map<String, Object> source(String url, String confidence) {
        Map<String, Object> source = new HashMap<>();
        source.put("url", url);
        source.put("title", "Minerals deal terms");
        source.put("publisher", "Example News");
        source.put("publishedAt", "2025-02-25T12:00:00Z");
        source.put("confidence", confidence);
        return source;
    }

    private static String clause(String agreementId, String clauseId) {
        return "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
    }

    @Test
    void shouldRememberTheSourceOfAPositionInTheClauseItsRevisionAndItsEvent() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", "UNDER_NEGOTIATION");
        api().body(Map.of("stance", "ACCEPTS", "source", REPORTED)).put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200)
                .body("positions[1].source.url", equalTo("https://news.example/minerals-deal-terms"))
                .body("positions[1].source.confidence", equalTo("REPORTED"))
                .body("positions[0].source", nullValue());

        List<Map<String, Object>> revisions = api().get(clause(agreementId, clauseId) + "/revisions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(revisions.get(revisions.size() - 1)).extracting(r -> ((Map<?, ?>) r.get("source")).get("confidence"))
                .isEqualTo("REPORTED");
        JsonPath events = api().get("/v1/agreements/" + agreementId + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(events.getString("items.find { it.kind == 'CLAUSE_POSITION_CHANGED' }.source.url"))
                .isEqualTo("https://news.example/minerals-deal-terms");
        assertThat(events.getString("items.find { it.kind == 'CLAUSE_CREATED' }.source")).isNull();
    }

    @Test
    void shouldRecordAConfirmationOfTheSameStanceAsAChangeOfItsOwn() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", "UNDER_NEGOTIATION");
        api().body(Map.of("stance", "ACCEPTS", "source", REPORTED)).put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200).header("ETag", "\"1\"");

        api().header("If-Match", "\"1\"").body(Map.of("stance", "ACCEPTS", "source", CONFIRMED))
                .put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("positions[1].stance", equalTo("ACCEPTS"))
                .body("positions[1].source.confidence", equalTo("CONFIRMED"));

        JsonPath events = api().get("/v1/agreements/" + agreementId + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("items.kind", String.class)).endsWith("CLAUSE_POSITION_CHANGED", "CLAUSE_SOURCE_CHANGED");
        assertThat(events.getString("items[-1].changes.partyCode")).isEqualTo("UA");
        assertThat(events.getString("items[-1].changes.source.confidence")).isEqualTo("CONFIRMED");
        assertThat(events.getString("items[-1].source.url")).isEqualTo("https://gov.example/statement-26-february");
        List<Map<String, Object>> revisions = api().get(clause(agreementId, clauseId) + "/revisions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(revisions).hasSize(3);
        assertThat(revisions.get(2).get("changes")).isEqualTo(List.of("positions.UA"));
    }

    @Test
    void shouldChangeNothingWhenTheSameStanceComesWithoutASourceOrWithTheSameOne() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", "UNDER_NEGOTIATION");
        api().body(Map.of("stance", "ACCEPTS", "source", REPORTED)).put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200);
        var before = database.fingerprint();
        api().body(Map.of("stance", "ACCEPTS")).put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200).header("ETag", "\"1\"").body("positions[1].source.confidence", equalTo("REPORTED"));
        api().body(Map.of("stance", "ACCEPTS", "source", REPORTED)).put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(200).header("ETag", "\"1\"");
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldKeepTheSourceOfAClauseStatusAndRecordItsConfirmation() {
        String agreementId = Fixtures.agreement();
        Map<String, Object> create = new HashMap<>();
        create.put("reference", "2");
        create.put("title", "Joint reconstruction investment fund");
        create.put("status", "UNDER_NEGOTIATION");
        create.put("source", REPORTED);
        String clauseId = Fixtures.clause(agreementId, create);
        api().get(clause(agreementId, clauseId)).then().statusCode(200)
                .body("statusSource.confidence", equalTo("REPORTED"));

        api().body(Map.of("status", "AGREED", "source", REPORTED)).patch(clause(agreementId, clauseId))
                .then().statusCode(200).body("statusSource.confidence", equalTo("REPORTED"));
        api().body(Map.of("status", "AGREED", "source", CONFIRMED)).patch(clause(agreementId, clauseId))
                .then().statusCode(200).body("status", equalTo("AGREED"))
                .body("statusSource.url", equalTo("https://gov.example/statement-26-february"));

        JsonPath events = api().get("/v1/agreements/" + agreementId + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("items.kind", String.class))
                .endsWith("CLAUSE_STATUS_CHANGED", "CLAUSE_SOURCE_CHANGED");
        assertThat(events.getString("items[-1].changes.statusSource.confidence")).isEqualTo("CONFIRMED");
        List<Map<String, Object>> revisions = api().get(clause(agreementId, clauseId) + "/revisions").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(revisions.get(revisions.size() - 1).get("changes")).isEqualTo(List.of("statusSource"));
    }

    @Test
    void shouldForgetTheSourceOfAStatusThatChangesWithoutOne() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "2", null);
        api().body(Map.of("status", "UNDER_NEGOTIATION", "source", REPORTED)).patch(clause(agreementId, clauseId))
                .then().statusCode(200).body("statusSource.confidence", equalTo("REPORTED"));
        api().body(Map.of("status", "DEFERRED")).patch(clause(agreementId, clauseId))
                .then().statusCode(200).body("statusSource", nullValue());
    }

    @Test
    void shouldCarryTheSourceOfAnyWriteInItsEventsAndTheFeed() {
        Map<String, Object> agreement = new HashMap<>(dev.accords.support.Deal.agreement());
        agreement.put("source", REPORTED);
        String agreementId = api().body(agreement).post("/v1/agreements").then().statusCode(201).extract().path("id");
        api().body(Map.of("name", "Volodymyr Zelensky", "partyCode", "UA", "source", CONFIRMED))
                .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201);
        JsonPath feed = api().queryParam("agreementId", agreementId).get("/v1/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(feed.getList("items.source.confidence", String.class)).containsExactly("REPORTED", "CONFIRMED");
    }

    @Test
    void shouldRefuseABadSourceAndStoreNothing() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "4", null);
        var before = database.fingerprint();
        Map<String, Object> future = new HashMap<>(REPORTED);
        future.put("publishedAt", "2999-01-01T00:00:00Z");
        Map<String, Object> ftp = new HashMap<>(REPORTED);
        ftp.put("url", "ftp://news.example/a");
        Map<String, Object> unsure = new HashMap<>(REPORTED);
        unsure.put("confidence", "RUMOURED");
        Map<String, Object> noConfidence = new HashMap<>(REPORTED);
        noConfidence.remove("confidence");

        api().body(Map.of("stance", "ACCEPTS", "source", future)).put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("source.publishedAt"));
        badClient().contentType("application/json").body(Map.of("stance", "ACCEPTS", "source", ftp))
                .put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(400).body("errors[0].field", equalTo("source.url"));
        badClient().contentType("application/json").body(Map.of("stance", "ACCEPTS", "source", unsure))
                .put(clause(agreementId, clauseId) + "/positions/UA")
                .then().statusCode(400).body("errors[0].field", equalTo("source.confidence"));
        badClient().contentType("application/json").body(Map.of("status", "AGREED", "source", noConfidence))
                .patch(clause(agreementId, clauseId))
                .then().statusCode(400).body("errors[0].field", equalTo("source.confidence"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldShowEachOpenClausesWeakestConfidenceAndFilterToConfirmedFacts() {
        String agreementId = Fixtures.agreement();
        String unsourced = Fixtures.clause(agreementId, "1", "UNDER_NEGOTIATION");
        String reported = sourcedClause(agreementId, "2", REPORTED);
        String confirmed = sourcedClause(agreementId, "3", CONFIRMED);
        api().body(Map.of("stance", "ACCEPTS", "source", REPORTED)).put(clause(agreementId, reported) + "/positions/UA")
                .then().statusCode(200);
        api().body(Map.of("stance", "ACCEPTS", "source", CONFIRMED)).put(clause(agreementId, confirmed) + "/positions/UA")
                .then().statusCode(200);

        JsonPath all = api().get("/v1/agreements/" + agreementId + "/open-clauses").then().statusCode(200).extract().jsonPath();
        assertThat(all.getString("openClauses.find { it.id == '" + unsourced + "' }.weakestConfidence")).isNull();
        assertThat(all.getString("openClauses.find { it.id == '" + reported + "' }.weakestConfidence")).isEqualTo("REPORTED");
        assertThat(all.getString("openClauses.find { it.id == '" + confirmed + "' }.weakestConfidence")).isEqualTo("CONFIRMED");

        JsonPath onlyConfirmed = api().queryParam("confidence", "CONFIRMED").get("/v1/agreements/" + agreementId + "/open-clauses")
                .then().statusCode(200).extract().jsonPath();
        assertThat(onlyConfirmed.getList("openClauses.id", String.class)).containsExactly(confirmed);
        assertThat(onlyConfirmed.getInt("totals.open")).isEqualTo(3);
        JsonPath sourced = api().queryParam("confidence", "REPORTED").get("/v1/agreements/" + agreementId + "/open-clauses")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sourced.getList("openClauses.id", String.class)).containsExactlyInAnyOrder(reported, confirmed);

        List<String> global = api().queryParam("confidence", "CONFIRMED").queryParam("limit", 1000).get("/v1/open-clauses")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(global).contains(confirmed).doesNotContain(reported, unsourced);
    }

    @Test
    void shouldLowerAClausesConfidenceWhenOnePositionIsOnlyReported() {
        String agreementId = Fixtures.agreement();
        String clauseId = sourcedClause(agreementId, "4", CONFIRMED);
        api().body(Map.of("stance", "REJECTS", "source", REPORTED)).put(clause(agreementId, clauseId) + "/positions/US")
                .then().statusCode(200);
        api().get("/v1/agreements/" + agreementId + "/open-clauses").then().statusCode(200)
                .body("openClauses[0].weakestConfidence", equalTo("REPORTED"));
        api().queryParam("confidence", "CONFIRMED").get("/v1/agreements/" + agreementId + "/open-clauses")
                .then().statusCode(200).body("openClauses", org.hamcrest.Matchers.empty());
    }

    @Test
    void shouldRefuseAnUnknownConfidenceFilter() {
        String agreementId = Fixtures.agreement();
        badClient().queryParam("confidence", "RUMOURED").get("/v1/agreements/" + agreementId + "/open-clauses")
                .then().statusCode(400).body("errors[0].field", equalTo("confidence"));
        badClient().queryParam("confidence", "confirmed").get("/v1/open-clauses")
                .then().statusCode(400).body("errors[0].field", equalTo("confidence"));
    }

    private static String sourcedClause(String agreementId, String reference, Map<String, Object> source) {
        Map<String, Object> create = new HashMap<>();
        create.put("reference", reference);
        create.put("title", "Clause " + reference);
        create.put("status", "UNDER_NEGOTIATION");
        create.put("source", source);
        return Fixtures.clause(agreementId, create);
    }
}
