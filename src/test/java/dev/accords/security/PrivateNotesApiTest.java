package dev.accords.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.accords.support.ApiTest;
import dev.accords.support.EventStreamClient;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;

/**
 * A position's note is its party's: each read that shows positions or their events, tried by a
 * member of US (negotiator), a member of UA (reader), an unbound negotiator, an unbound reader and an
 * admin. Members read their party's note, admins every note, everyone else none.
 */
@QuarkusTest
class PrivateNotesApiTest extends ApiTest {

    private static final String US_NOTE = "US wants the fund's board chaired by the US";
    private static final String UA_NOTE = "UA will not accept debt clauses";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL service;

    /** A reader of the matrix and the parties whose notes it must see. */
    enum Reader {
        US_NEGOTIATOR(Tokens.forParty("us-negotiator", "negotiator", "US"), "US"),
        UA_READER(Tokens.forParty("ua-reader", "reader", "UA"), "UA"),
        UNBOUND_NEGOTIATOR(Tokens.negotiator()),
        UNBOUND_READER(Tokens.reader()),
        ADMIN(Tokens.admin(), "US", "UA");

        final String token;
        final List<String> sees;

        Reader(String token, String... sees) {
            this.token = token;
            this.sees = List.of(sees);
        }

        /** The notes this reader must see, by party: the party's note or null. */
        Map<String, String> expectedNotes() {
            Map<String, String> notes = new HashMap<>();
            notes.put("US", sees.contains("US") ? US_NOTE : null);
            notes.put("UA", sees.contains("UA") ? UA_NOTE : null);
            return notes;
        }
    }

    /** An agreement whose clause carries one note of each party, written by each party's own negotiator. */
    record Noted(String agreementId, String clauseId) {
        static Noted write() {
            String agreementId = Fixtures.agreement();
            String clauseId = Fixtures.clause(agreementId, "1", "UNDER_NEGOTIATION");
            position(agreementId, clauseId, "US", US_NOTE);
            position(agreementId, clauseId, "UA", UA_NOTE);
            return new Noted(agreementId, clauseId);
        }

        String clause() {
            return "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
        }
    }

    static Stream<Arguments> readers() {
        return Stream.of(Reader.values()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} reads a clause")
    @MethodSource("readers")
    void shouldShowANoteInAClauseOnlyToItsPartyAndAdmins(Reader reader) {
        Noted noted = Noted.write();
        JsonPath clause = as(reader.token).get(noted.clause()).then().statusCode(200).extract().jsonPath();
        assertThat(notesOf(clause.getList("positions"))).isEqualTo(reader.expectedNotes());
    }

    @ParameterizedTest(name = "{0} lists clauses")
    @MethodSource("readers")
    void shouldShowANoteInTheClauseListOnlyToItsPartyAndAdmins(Reader reader) {
        Noted noted = Noted.write();
        JsonPath page = as(reader.token).get("/v1/agreements/" + noted.agreementId() + "/clauses").then().statusCode(200)
                .extract().jsonPath();
        assertThat(notesOf(page.getList("items[0].positions"))).isEqualTo(reader.expectedNotes());
    }

    @ParameterizedTest(name = "{0} reads the revisions")
    @MethodSource("readers")
    void shouldShowANoteInRevisionsOnlyToItsPartyAndAdmins(Reader reader) {
        Noted noted = Noted.write();
        JsonPath page = as(reader.token).get(noted.clause() + "/revisions").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> revisions = page.getList("items");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> last = (List<Map<String, Object>>) revisions.get(revisions.size() - 1).get("positions");
        assertThat(notesOf(last)).isEqualTo(reader.expectedNotes());
    }

    @ParameterizedTest(name = "{0} reads the agreement's trail")
    @MethodSource("readers")
    void shouldShowANoteInTheTrailOnlyToItsPartyAndAdmins(Reader reader) {
        Noted noted = Noted.write();
        List<Map<String, Object>> events = as(reader.token).get("/v1/agreements/" + noted.agreementId() + "/events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(notesOfPositionEvents(events)).isEqualTo(reader.expectedNotes());
    }

    @ParameterizedTest(name = "{0} reads the change feed")
    @MethodSource("readers")
    void shouldShowANoteInTheFeedOnlyToItsPartyAndAdmins(Reader reader) {
        Noted noted = Noted.write();
        List<Map<String, Object>> events = as(reader.token).queryParam("agreementId", noted.agreementId())
                .get("/v1/events").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(notesOfPositionEvents(events)).isEqualTo(reader.expectedNotes());
    }

    @ParameterizedTest(name = "{0} follows the agreement's stream")
    @MethodSource("readers")
    void shouldShowANoteInALiveStreamOnlyToItsPartyAndAdmins(Reader reader) throws Exception {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", "UNDER_NEGOTIATION");
        try (EventStreamClient stream = EventStreamClient.open(service.toString().replaceAll("/$", "")
                + "/v1/agreements/" + agreementId + "/events/stream", Tokens.bearer(reader.token), null)) {
            assertThat(stream.status()).isEqualTo(200);
            position(agreementId, clauseId, "US", US_NOTE);
            position(agreementId, clauseId, "UA", UA_NOTE);
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                EventStreamClient.Message message = stream.nextEvent(Duration.ofSeconds(20));
                assertThat(message).isNotNull();
                events.add(JSON.readValue(message.data(), new TypeReference<Map<String, Object>>() {
                }));
            }
            assertThat(notesOfPositionEvents(events)).isEqualTo(reader.expectedNotes());
        }
    }

    @Test
    void shouldLetAnUnboundNegotiatorWriteANoteItCannotReadBack() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        api().body(Map.of("stance", "ACCEPTS", "note", "written by the secretariat"))
                .put("/v1/agreements/" + agreementId + "/clauses/" + clauseId + "/positions/UA")
                .then().statusCode(200);
        JsonPath asMember = as(Tokens.forParty("ua-reader", "reader", "UA"))
                .get("/v1/agreements/" + agreementId + "/clauses/" + clauseId).then().statusCode(200).extract().jsonPath();
        JsonPath asWriter = api().get("/v1/agreements/" + agreementId + "/clauses/" + clauseId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(asMember.getString("positions[1].note")).isEqualTo("written by the secretariat");
        assertThat(asWriter.getString("positions[1].note")).isNull();
    }

    private static void position(String agreementId, String clauseId, String party, String note) {
        as(Tokens.forParty(party.toLowerCase() + "-negotiator", "negotiator", party))
                .body(Map.of("stance", "RESERVES", "note", note))
                .put("/v1/agreements/" + agreementId + "/clauses/" + clauseId + "/positions/" + party)
                .then().statusCode(200);
    }

    private static Map<String, String> notesOf(List<Map<String, Object>> positions) {
        Map<String, String> notes = new HashMap<>();
        positions.forEach(position -> notes.put((String) position.get("partyCode"), (String) position.get("note")));
        return notes;
    }

    /** The note each party's position event shows, null when it shows none (absent or null). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> notesOfPositionEvents(List<Map<String, Object>> events) {
        Map<String, String> notes = new HashMap<>();
        events.stream().filter(event -> "CLAUSE_POSITION_CHANGED".equals(event.get("kind")))
                .map(event -> (Map<String, Object>) event.get("changes"))
                .forEach(changes -> notes.put((String) changes.get("partyCode"), (String) changes.get("note")));
        return notes;
    }
}
