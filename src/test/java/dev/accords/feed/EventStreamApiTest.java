package dev.accords.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.database.UnpooledConnections;
import dev.accords.support.ApiTest;
import dev.accords.support.EventStreamClient;
import dev.accords.support.EventStreamClient.Message;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, item 3: the change feed as Server-Sent Events. What a stream sends is compared with the
 * same events read through {@code GET /v1/events}, whose answers are checked against the contract.
 */
@QuarkusTest
class EventStreamApiTest extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @TestHTTPResource("/")
    URL service;
    @Inject
    ObjectMapper mapper;
    @Inject
    UnpooledConnections connections;

    @Test
    void shouldStreamAChangeMadeAfterTheStreamOpened() throws Exception {
        String agreementId = Fixtures.agreement();
        try (EventStreamClient stream = open("/v1/agreements/" + agreementId + "/events/stream", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

            String clauseId = Fixtures.clause(agreementId, "1", null);
            Message message = stream.nextEvent(WAIT);

            Map<String, Object> event = mapper.readValue(message.data(), JSON_OBJECT);
            assertThat(event).containsEntry("kind", "CLAUSE_CREATED").containsEntry("targetId", clauseId);
            assertThat(message.id()).isEqualTo(event.get("cursor"));
            assertThat(event).isEqualTo(ChangeFeedApiTest.follow(agreementId, null, 100).events().get(1));
        }
    }

    /**
     * A stream starts after the newest event, by transaction order: an event of transaction 9 (one
     * digit fewer than any real transaction here) used to be taken for the newest, because the head
     * was sorted as text, and a new stream then replayed everything written since.
     */
    @Test
    void shouldStartANewStreamAfterTheNewestEventWhateverTheDigitsOfItsTransaction() throws Exception {
        try (Connection connection = connections.open("stream-digit-test", 5, 15);
             Statement insert = connection.createStatement()) {
            insert.executeUpdate("""
                    insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes, tx_id)
                    values (gen_random_uuid(), now(), 'stream-test', 'CLAUSE_UPDATED', 'CLAUSE', gen_random_uuid(),
                            '{"title": "old transaction"}', cast('9' as xid8))""");
        }
        String agreementId = Fixtures.agreement();
        try (EventStreamClient stream = open("/v1/events/stream", null)) {
            assertThat(stream.status()).isEqualTo(200);
            String clauseId = Fixtures.clause(agreementId, "1", null);

            Map<String, Object> first = mapper.readValue(stream.nextEvent(WAIT).data(), JSON_OBJECT);

            assertThat(first).containsEntry("kind", "CLAUSE_CREATED").containsEntry("targetId", clauseId);
        }
    }

    @Test
    void shouldReplayExactlyTheMissedEventsOnReconnect() throws Exception {
        String agreementId = Fixtures.agreement();
        String lastSeen;
        try (EventStreamClient stream = open("/v1/agreements/" + agreementId + "/events/stream", null)) {
            Fixtures.clause(agreementId, "1", null);
            lastSeen = stream.nextEvent(WAIT).id();
        }
        String clauseId = Fixtures.clause(agreementId, "2", null);
        Fixtures.patchClause(agreementId, clauseId, Map.of("status", "DEFERRED"));
        Fixtures.position(agreementId, clauseId, "US", "REJECTS");
        List<Map<String, Object>> missed = ChangeFeedApiTest.follow(agreementId, lastSeen, 100).events();

        try (EventStreamClient resumed = open("/v1/agreements/" + agreementId + "/events/stream", lastSeen)) {
            List<Message> replayed = List.of(resumed.nextEvent(WAIT), resumed.nextEvent(WAIT), resumed.nextEvent(WAIT));
            assertThat(resumed.eventsWithin(Duration.ofMillis(1500))).isEmpty();

            assertThat(missed).hasSize(3);
            assertThat(replayed).extracting(Message::id).containsExactlyElementsOf(missed.stream().map(e -> (String) e.get("cursor")).toList());
            for (int i = 0; i < 3; i++) {
                assertThat(mapper.readValue(replayed.get(i).data(), JSON_OBJECT)).isEqualTo(missed.get(i));
            }
        }
    }

    @Test
    void shouldStreamEveryAgreementOrOnlyTheFilteredOnesOnTheGlobalStream() throws Exception {
        String first = Fixtures.agreement();
        String second = Fixtures.agreement();
        try (EventStreamClient all = open("/v1/events/stream", null);
             EventStreamClient onlySecond = open("/v1/events/stream?agreementId=" + second + "&kind=CLAUSE_CREATED", null)) {
            Fixtures.clause(first, "1", null);
            String clauseId = Fixtures.clause(second, "1", null);
            Fixtures.patchClause(second, clauseId, Map.of("title", "Renamed"));

            List<String> fromAll = agreementsOf(all, 3);
            Map<String, Object> filtered = mapper.readValue(onlySecond.nextEvent(WAIT).data(), JSON_OBJECT);

            assertThat(fromAll).contains(first, second);
            assertThat(filtered).containsEntry("agreementId", second).containsEntry("targetId", clauseId)
                    .containsEntry("kind", "CLAUSE_CREATED");
            assertThat(onlySecond.eventsWithin(Duration.ofMillis(1500))).isEmpty();
        }
    }

    @Test
    void shouldSendAHeartbeatCommentWhileNothingHappens() {
        try (EventStreamClient stream = open("/v1/events/stream", null)) {
            // The test profile beats every second; production every 15 s.
            assertThat(stream.nextComment(WAIT)).isEqualTo("stream open");
            assertThat(stream.nextComment(WAIT)).isEqualTo("heartbeat");
        }
    }

    @Test
    void shouldRefuseAStreamWithAProblemBeforeItOpens() {
        String unknown = "00000000-0000-4000-8000-000000000000";
        badClient().accept("text/event-stream").header("Last-Event-ID", "yesterday").get("/v1/events/stream")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_CURSOR"));
        badClient().accept("text/event-stream").get("/v1/agreements/{id}/events/stream", unknown)
                .then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        badClient().accept("text/event-stream").queryParam("kind", "NOTHING").get("/v1/events/stream")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        unauthenticated().accept("text/event-stream").get("/v1/events/stream")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        as(Tokens.forSubject("nobody")).accept("text/event-stream").get("/v1/events/stream")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    private List<String> agreementsOf(EventStreamClient stream, int events) throws Exception {
        List<String> agreements = new java.util.ArrayList<>();
        for (int i = 0; i < events; i++) {
            agreements.add((String) mapper.readValue(stream.nextEvent(WAIT).data(), JSON_OBJECT).get("agreementId"));
        }
        return agreements;
    }

    private EventStreamClient open(String path, String lastEventId) {
        return EventStreamClient.open(service.toString().replaceAll("/$", "") + path,
                Tokens.bearer(Tokens.reader()), lastEventId);
    }
}
