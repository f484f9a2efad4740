package dev.accords.feed;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.restassured.path.json.JsonPath;

/** Issue 12, item 2: one change feed across all agreements, followed page by page with nextCursor. */
@QuarkusTest
class ChangeFeedApiTest extends ApiTest {

    @Test
    void shouldListAnAgreementsChangesInTheOrderTheyWereMade() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        Fixtures.position(agreementId, clauseId, "US", "REJECTS");

        List<Map<String, Object>> events = follow(agreementId, null, 2).events;

        assertThat(events).extracting(event -> event.get("kind"))
                .containsExactly("AGREEMENT_CREATED", "CLAUSE_CREATED", "CLAUSE_POSITION_CHANGED");
        assertThat(events).allSatisfy(event -> assertThat(event.get("agreementId")).isEqualTo(agreementId));
        assertThat(events.get(1).get("targetId")).isEqualTo(clauseId);
    }

    @Test
    void shouldShowTheSameEventsAsTheAgreementsOwnTrail() {
        String agreementId = Fixtures.agreement();
        Fixtures.clause(agreementId, "1", null);
        Fixtures.patchAgreement(agreementId, Map.of("title", "Renamed"));

        List<Map<String, Object>> feed = follow(agreementId, null, 100).events;
        List<Map<String, Object>> trail = api().get("/v1/agreements/{id}/events", agreementId)
                .then().statusCode(200).extract().jsonPath().getList("items");

        assertThat(feed).extracting(event -> event.get("sequence"))
                .containsExactlyElementsOf(trail.stream().map(event -> event.get("sequence")).toList());
        assertThat(feed).extracting(event -> event.get("changes"))
                .containsExactlyElementsOf(trail.stream().map(event -> event.get("changes")).toList());
    }

    @Test
    void shouldHandBackTheSameCursorWhileNothingNewHappened() {
        String agreementId = Fixtures.agreement();
        Followed followed = follow(agreementId, null, 20);

        JsonPath again = page(agreementId, followed.cursor, 20);

        assertThat(again.getList("items")).isEmpty();
        assertThat(again.getBoolean("hasMore")).isFalse();
        assertThat(again.getString("nextCursor")).isEqualTo(followed.cursor);
    }

    @Test
    void shouldResumeWithExactlyTheEventsAfterTheCursor() {
        String agreementId = Fixtures.agreement();
        Followed before = follow(agreementId, null, 20);
        String clauseId = Fixtures.clause(agreementId, "2", null);
        Fixtures.patchClause(agreementId, clauseId, Map.of("status", "DEFERRED"));

        Followed after = follow(agreementId, before.cursor, 1);

        assertThat(after.events).extracting(event -> event.get("kind"))
                .containsExactly("CLAUSE_CREATED", "CLAUSE_STATUS_CHANGED");
        assertThat(after.events.get(0).get("sequence")).isNotIn(before.events.stream().map(e -> e.get("sequence")).toList());
    }

    @Test
    void shouldGiveEachEventACursorThatResumesRightAfterIt() {
        String agreementId = Fixtures.agreement();
        Fixtures.clause(agreementId, "1", null);
        Fixtures.clause(agreementId, "2", null);
        List<Map<String, Object>> events = follow(agreementId, null, 100).events;

        List<Map<String, Object>> afterFirst = follow(agreementId, (String) events.get(0).get("cursor"), 100).events;

        assertThat(afterFirst).isEqualTo(events.subList(1, events.size()));
    }

    @Test
    void shouldFilterByKind() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        Fixtures.position(agreementId, clauseId, "US", "REJECTS");
        Fixtures.position(agreementId, clauseId, "UA", "ACCEPTS");

        List<Map<String, Object>> events = api().queryParam("agreementId", agreementId)
                .queryParam("kind", "CLAUSE_POSITION_CHANGED").get("/v1/events")
                .then().statusCode(200).extract().jsonPath().getList("items");

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.get("kind")).isEqualTo("CLAUSE_POSITION_CHANGED"));
    }

    @Test
    void shouldListEveryAgreementWithoutAFilter() {
        String first = Fixtures.agreement();
        String second = Fixtures.agreement();
        Followed tail = follow(null, null, 100);
        Fixtures.clause(second, "1", null);
        Fixtures.clause(first, "1", null);

        List<Map<String, Object>> events = follow(null, tail.cursor, 100).events;

        assertThat(events).extracting(event -> event.get("agreementId")).containsSubsequence(second, first);
    }

    @Test
    void shouldTellWhenMoreEventsAreWaiting() {
        String agreementId = Fixtures.agreement();
        Fixtures.clause(agreementId, "1", null);

        JsonPath first = page(agreementId, null, 1);

        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getBoolean("hasMore")).isTrue();
    }

    @Test
    void shouldRefuseACursorThatIsNotTheFeeds() {
        String listCursor = api().queryParam("limit", 1).get("/v1/agreements").then().statusCode(200)
                .extract().path("nextCursor");

        for (String cursor : new String[] {"not-a-cursor", listCursor, "ZjF8LTF8Mg"}) {
            badClient().queryParam("cursor", cursor).get("/v1/events")
                    .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        }
    }

    @Test
    void shouldRefuseAnUnknownKindOrAMalformedAgreementId() {
        badClient().queryParam("kind", "CLAUSE_EXPLODED").get("/v1/events")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("kind"));
        badClient().queryParam("agreementId", "42").get("/v1/events")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("agreementId"));
        badClient().queryParam("since", "yesterday").get("/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    @Test
    void shouldLetReadersFollowTheFeedButNotAnonymousCallers() {
        as(Tokens.reader()).get("/v1/events").then().statusCode(200).body("nextCursor", notNullValue());
        unauthenticated().get("/v1/events").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        as(Tokens.forSubject("nobody")).get("/v1/events").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    /** What a follower saw, and where it would ask next. */
    record Followed(List<Map<String, Object>> events, String cursor) {
    }

    /** Pages through the feed from {@code cursor} until nothing more is waiting. */
    static Followed follow(String agreementId, String cursor, int limit) {
        List<Map<String, Object>> events = new ArrayList<>();
        while (true) {
            JsonPath page = page(agreementId, cursor, limit);
            events.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return new Followed(events, cursor);
            }
        }
    }

    static JsonPath page(String agreementId, String cursor, int limit) {
        var request = api().queryParam("limit", limit);
        if (agreementId != null) {
            request.queryParam("agreementId", agreementId);
        }
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/v1/events").then().statusCode(200).extract().jsonPath();
    }
}
