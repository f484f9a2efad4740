package dev.accords.ratification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Recording and reading instruments: what is refused, by whom, and that a refusal stores nothing. */
@QuarkusTest
class InstrumentApiTest extends RatificationApiBase {

    @Test
    void shouldRecordAnInstrumentAndReadItBack() {
        String agreementId = signedAgreement(Map.of());
        var created = record(agreementId, instrument("UA", "RATIFICATION", today())).then().statusCode(201)
                .header("ETag", "\"0\"").body("partyCode", equalTo("UA")).body("kind", equalTo("RATIFICATION"))
                .body("date", equalTo(today().toString())).body("body", equalTo("Verkhovna Rada of Ukraine"))
                .body("reference", equalTo("Law No. 4380-IX")).body("statements", hasSize(0)).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(instruments(agreementId) + "/" + id);
        api().get(instruments(agreementId) + "/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("createdAt", notNullValue());
        api().header("If-None-Match", "\"0\"").get(instruments(agreementId) + "/" + id).then().statusCode(304);

        Map<String, Object> event = api().queryParam("limit", 100).get(agreement(agreementId) + "/events").then()
                .extract().jsonPath().getMap("items[-1]");
        assertThat(event).containsEntry("kind", "AGREEMENT_INSTRUMENT_RECORDED").containsEntry("targetType", "AGREEMENT")
                .containsEntry("targetId", agreementId).containsEntry("actor", "test-negotiator");
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) event.get("changes");
        assertThat(changes).containsEntry("instrumentId", id).containsEntry("partyCode", "UA")
                .containsEntry("kind", "RATIFICATION").containsEntry("date", today().toString())
                .containsEntry("body", "Verkhovna Rada of Ukraine").containsEntry("reference", "Law No. 4380-IX")
                .containsEntry("statements", List.of());
    }

    @Test
    void shouldListInstrumentsInRecordingOrderOnePageAtATime() {
        String agreementId = signedAgreement(Map.of());
        String first = recorded(agreementId, "US", "RATIFICATION", today());
        String second = recorded(agreementId, "UA", "APPROVAL", today());
        String cursor = api().queryParam("limit", 1).get(instruments(agreementId)).then().statusCode(200)
                .body("items.id", equalTo(List.of(first))).body("nextCursor", notNullValue()).extract().path("nextCursor");
        api().queryParam("limit", 1).queryParam("cursor", cursor).get(instruments(agreementId)).then().statusCode(200)
                .body("items.id", equalTo(List.of(second))).body("nextCursor", nullValue());
        badClient().queryParam("cursor", "bm90LWEtY3Vyc29y").get(instruments(agreementId)).then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void shouldShowWhoIsStillPending() {
        String agreementId = signedAgreement(Map.of());
        recorded(agreementId, "UA", "RATIFICATION", today());
        api().get(ratification(agreementId)).then().statusCode(200)
                .body("parties.partyCode", equalTo(List.of("US", "UA")))
                .body("parties.partyName", equalTo(List.of("United States", "Ukraine")))
                .body("parties.status", equalTo(List.of("PENDING", "RATIFIED")))
                .body("parties.instrumentCount", equalTo(List.of(0, 1)))
                .body("parties[0].latestKind", nullValue()).body("parties[0].latestDate", nullValue())
                .body("parties[1].latestDate", equalTo(today().toString()))
                .body("entryIntoForceDate", nullValue()).body("entryIntoForceScheduled", equalTo(false));
        // Before signature everyone is pending, and the table still answers.
        api().get(ratification(agreement(Map.of()))).then().statusCode(200)
                .body("status", equalTo("NEGOTIATING")).body("parties.status", equalTo(List.of("PENDING", "PENDING")));
        badClient().get(ratification(UNKNOWN)).then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        badClient().queryParam("party", "US").get(ratification(agreementId)).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void shouldRefuseInstrumentsBeforeSignature() {
        String agreementId = agreement(Map.of());
        var before = database.fingerprint();
        record(agreementId, instrument("UA", "RATIFICATION", today())).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_NOT_SIGNED")).body("detail", containsString("NEGOTIATING"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseBadInstrumentsAndStoreNothing() {
        String agreementId = signedAgreement(Map.of());
        String otherClause = agreedClause(agreement(Map.of()));
        var before = database.fingerprint();

        badRecord(agreementId, instrument("UA", "RATIFICATION", today().plusDays(1)), 400, "date");
        badRecord(agreementId, instrument("UA", "RATIFICATION", today().minusDays(1)), 400, "date");
        record(agreementId, instrument("GB", "RATIFICATION", today())).then().statusCode(404)
                .body("code", equalTo("PARTY_NOT_FOUND")).body("detail", containsString("US, UA"));
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "statements",
                List.of(declaration("About a clause of another agreement.", List.of(otherClause)))), 400,
                "statements[0].clauseIds[0]");
        badRecord(agreementId, instrument("UA", "SIGNATURE", today()), 400, "kind");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "body", "x".repeat(201)), 400, "body");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "reference", " "), 400, "reference");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "statements",
                List.of(Map.of("kind", "RESERVATION", "text", "x".repeat(4001)))), 400, "statements[0].text");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "statements",
                Collections.nCopies(21, Map.of("kind", "DECLARATION", "text", "Again."))), 400, "statements");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "statements",
                List.of(declaration("Too many clauses.", Collections.nCopies(21, otherClause)))), 400,
                "statements[0].clauseIds");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "date", "2025-02-30"), 400, "date");
        badRecord(agreementId, with(instrument("UA", "RATIFICATION", today()), "instrumentId", UNKNOWN), 400, null);
        Map<String, Object> noParty = instrument("UA", "RATIFICATION", today());
        noParty.remove("partyCode");
        badRecord(agreementId, noParty, 400, "partyCode");

        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldLetABoundNegotiatorRecordOnlyForItsOwnParty() {
        String agreementId = signedAgreement(Map.of());
        String usNegotiator = Tokens.forParty("us-negotiator", "negotiator", "US");
        var before = database.fingerprint();
        as(usNegotiator).body(instrument("UA", "RATIFICATION", today())).post(instruments(agreementId)).then()
                .statusCode(403).body("code", equalTo("PARTY_NOT_REPRESENTED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        as(usNegotiator).body(instrument("US", "RATIFICATION", today())).post(instruments(agreementId)).then()
                .statusCode(201);
        as(Tokens.admin()).body(instrument("UA", "RATIFICATION", today())).post(instruments(agreementId)).then()
                .statusCode(201);
    }

    @Test
    void shouldLetReadersReadButNotRecord() {
        String agreementId = signedAgreement(Map.of());
        String id = recorded(agreementId, "US", "RATIFICATION", today());
        String reader = Tokens.reader();
        var before = database.fingerprint();
        as(reader).body(instrument("UA", "RATIFICATION", today())).post(instruments(agreementId)).then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertThat(database.fingerprint()).isEqualTo(before);
        as(reader).get(instruments(agreementId)).then().statusCode(200).body("items", hasSize(1));
        as(reader).get(instruments(agreementId) + "/" + id).then().statusCode(200);
        as(reader).get(ratification(agreementId)).then().statusCode(200);
    }

    @Test
    void shouldFindAnInstrumentOnlyThroughItsOwnAgreement() {
        String agreementId = signedAgreement(Map.of());
        String id = recorded(agreementId, "US", "RATIFICATION", today());
        String other = agreement(Map.of());
        badClient().get(instruments(other) + "/" + id).then().statusCode(404).body("code", equalTo("INSTRUMENT_NOT_FOUND"));
        badClient().get(instruments(agreementId) + "/" + UNKNOWN).then().statusCode(404)
                .body("code", equalTo("INSTRUMENT_NOT_FOUND"));
        badClient().get(instruments(UNKNOWN) + "/" + id).then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        badClient().get(instruments(agreementId) + "/not-a-uuid").then().statusCode(400)
                .body("errors[0].field", equalTo("instrumentId"));
    }

    private static void badRecord(String agreementId, Map<String, Object> body, int status, String field) {
        var response = badClient().contentType("application/json").body(body).post(instruments(agreementId)).then()
                .statusCode(status).body("code", equalTo("VALIDATION_FAILED"));
        if (field != null) {
            response.body("errors.field", org.hamcrest.Matchers.hasItem(field));
        }
    }
}
