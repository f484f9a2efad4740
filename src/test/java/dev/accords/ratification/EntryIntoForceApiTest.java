package dev.accords.ratification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** From signature to entry into force: the parties' instruments, the rule, the date and the sweeper. */
@QuarkusTest
class EntryIntoForceApiTest extends RatificationApiBase {

    @Test
    void shouldTakeTheExampleDealFromSignatureIntoForceThroughBothPartiesInstruments() {
        String agreementId = agreement(Map.of());
        String clause = agreedClause(agreementId);
        finalizeAndSign(agreementId);
        LocalDate today = today();

        recorded(agreementId, "US", "RATIFICATION", today);
        record(agreementId, with(instrument("UA", "RATIFICATION", today), "statements",
                List.of(declaration("Ukraine reads clause 1 as creating no debt obligation.", List.of(clause)))))
                .then().statusCode(201).body("statements[0].clauseIds", contains(clause));
        api().get(ratification(agreementId)).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("entryIntoForceRule", equalTo("ON_LAST_NOTIFICATION"))
                .body("parties.status", contains("RATIFIED", "RATIFIED")).body("partiesNotified", equalTo(0));

        recorded(agreementId, "US", "NOTIFICATION", today);
        api().get(agreement(agreementId)).then().body("status", equalTo("SIGNED")).body("entryIntoForceDate", nullValue());
        api().get(ratification(agreementId)).then().statusCode(200)
                .body("parties.status", contains("NOTIFIED", "RATIFIED"))
                .body("parties[0].notificationDate", equalTo(today.toString()))
                .body("parties[1].latestKind", equalTo("RATIFICATION")).body("parties[1].notificationDate", nullValue());

        recorded(agreementId, "UA", "NOTIFICATION", today);
        api().get(agreement(agreementId)).then().statusCode(200).body("status", equalTo("IN_FORCE"))
                .body("entryIntoForceDate", equalTo(today.toString())).body("signedAt", notNullValue());
        api().get(ratification(agreementId)).then().body("status", equalTo("IN_FORCE"))
                .body("entryIntoForceScheduled", equalTo(false)).body("partiesNotified", equalTo(2))
                .body("parties.status", contains("NOTIFIED", "NOTIFIED"));

        JsonPath events = api().queryParam("limit", 100).get(agreement(agreementId) + "/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("items.findAll { it.kind == 'AGREEMENT_INSTRUMENT_RECORDED' }.changes.kind"))
                .containsExactly("RATIFICATION", "RATIFICATION", "NOTIFICATION", "NOTIFICATION");
        Map<String, Object> last = events.getMap("items[-1]");
        assertThat(last).containsEntry("kind", "AGREEMENT_STATUS_CHANGED").containsEntry("actor", "test-negotiator")
                .containsEntry("changes", Map.of("status", "IN_FORCE", "entryIntoForceDate", today.toString()));
        api().queryParam("status", "IN_FORCE").queryParam("q", agreementTitle(agreementId)).get("/v1/agreements")
                .then().statusCode(200).body("items.id", contains(agreementId));
    }

    @Test
    void shouldKeepAnAgreementInForceReadOnlyAndUndeletable() {
        String agreementId = inForce(Map.of());
        var before = database.fingerprint();
        api().body(Map.of("title", "Renamed")).patch(agreement(agreementId)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(agreement(agreementId)).then().statusCode(409).body("code", equalTo("AGREEMENT_SIGNED"));
        record(agreementId, instrument("US", "ACCEPTANCE", today())).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("reference", "6", "title", "Late clause")).post(agreement(agreementId) + "/clauses")
                .then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldScheduleAFutureDateAndLetTheSweeperBringTheAgreementIntoForce() {
        String agreementId = signedAgreement(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION",
                "entryIntoForceDays", 30));
        LocalDate today = today();
        recorded(agreementId, "US", "NOTIFICATION", today);
        recorded(agreementId, "UA", "NOTIFICATION", today);
        LocalDate scheduled = today.plusDays(30);
        api().get(agreement(agreementId)).then().body("status", equalTo("SIGNED"))
                .body("entryIntoForceDate", equalTo(scheduled.toString()));
        api().get(ratification(agreementId)).then().body("entryIntoForceScheduled", equalTo(true))
                .body("entryIntoForceRule", equalTo("DAYS_AFTER_LAST_NOTIFICATION")).body("entryIntoForceDays", equalTo(30));
        assertThat(kinds(agreementId)).endsWith("AGREEMENT_INSTRUMENT_RECORDED", "AGREEMENT_UPDATED");

        // Time passes: the stored date moves into the past, as it would after 30 days.
        database.execute("update agreements set entry_into_force_date = ? where id = ?", today.minusDays(1),
                java.util.UUID.fromString(agreementId));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "IN_FORCE".equals(
                api().get(agreement(agreementId)).then().statusCode(200).extract().path("status")));

        Map<String, Object> last = api().queryParam("limit", 100).get(agreement(agreementId) + "/events").then()
                .extract().jsonPath().getMap("items[-1]");
        assertThat(last).containsEntry("kind", "AGREEMENT_STATUS_CHANGED").containsEntry("actor", "system")
                .containsEntry("changes", Map.of("status", "IN_FORCE", "entryIntoForceDate", today.minusDays(1).toString()));
        List<Object> inForce = api().queryParam("limit", 100).get(agreement(agreementId) + "/events").then()
                .extract().jsonPath().getList("items.findAll { it.changes.status == 'IN_FORCE' }.kind");
        assertThat(inForce).as("one status event into IN_FORCE").containsExactly("AGREEMENT_STATUS_CHANGED");
        api().get(ratification(agreementId)).then().body("entryIntoForceScheduled", equalTo(false));
    }

    @Test
    void shouldCountTheDaysFromTheLastNotificationNotTheLastRecording() {
        String agreementId = signedAgreement(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION",
                "entryIntoForceDays", 2));
        // Signed ten days ago: the parties' notes can carry the dates they were exchanged on.
        database.execute("update agreements set signed_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(10), java.util.UUID.fromString(agreementId));
        LocalDate today = today();
        recorded(agreementId, "UA", "NOTIFICATION", today.minusDays(3));
        recorded(agreementId, "US", "NOTIFICATION", today.minusDays(5));
        api().get(agreement(agreementId)).then().body("status", equalTo("IN_FORCE"))
                .body("entryIntoForceDate", equalTo(today.minusDays(1).toString()));
    }

    @Test
    void shouldRefuseASecondNotificationOfTheSameParty() {
        String agreementId = signedAgreement(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION",
                "entryIntoForceDays", 30));
        recorded(agreementId, "US", "NOTIFICATION", today());
        var before = database.fingerprint();
        record(agreementId, instrument("US", "NOTIFICATION", today())).then().statusCode(409)
                .body("code", equalTo("PARTY_ALREADY_NOTIFIED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldTakeTheRuleUntilSigningAndRefuseItAfter() {
        String agreementId = agreement(Map.of());
        api().body(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION", "entryIntoForceDays", 30))
                .patch(agreement(agreementId)).then().statusCode(200)
                .body("entryIntoForceRule", equalTo("DAYS_AFTER_LAST_NOTIFICATION")).body("entryIntoForceDays", equalTo(30));
        api().body(Map.of("status", "FINALIZED")).patch(agreement(agreementId)).then().statusCode(200);
        api().body(Map.of("entryIntoForceDays", 60)).patch(agreement(agreementId)).then().statusCode(200)
                .body("entryIntoForceDays", equalTo(60));
        api().body(Map.of("status", "NEGOTIATING")).patch(agreement(agreementId)).then().statusCode(200);
        finalizeAndSign(agreementId);
        var before = database.fingerprint();
        api().body(Map.of("entryIntoForceDays", 10)).patch(agreement(agreementId)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDaysWithoutTheirRuleAndTheRuleWithoutDays() {
        String agreementId = agreement(Map.of());
        var before = database.fingerprint();
        badClient().contentType("application/json").body(Map.of("entryIntoForceDays", 30)).patch(agreement(agreementId))
                .then().statusCode(400).body("errors[0].field", equalTo("entryIntoForceDays"));
        badClient().contentType("application/json").body(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION"))
                .patch(agreement(agreementId)).then().statusCode(400).body("errors[0].field", equalTo("entryIntoForceDays"));
        badClient().contentType("application/json").body(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION",
                "entryIntoForceDays", 3651)).patch(agreement(agreementId)).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        badClient().contentType("application/json").body(Map.of("entryIntoForceRule", "ON_SIGNATURE"))
                .patch(agreement(agreementId)).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        badClient().contentType("application/json").body(with(dev.accords.support.Deal.agreement(), "entryIntoForceDays", 5))
                .post("/v1/agreements").then().statusCode(400).body("errors[0].field", equalTo("entryIntoForceDays"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseToSetInForceByPatch() {
        String agreementId = agreement(Map.of());
        api().body(Map.of("status", "FINALIZED")).patch(agreement(agreementId)).then().statusCode(200);
        var before = database.fingerprint();
        api().body(Map.of("status", "IN_FORCE")).patch(agreement(agreementId)).then().statusCode(409)
                .body("code", equalTo("INVALID_STATUS_TRANSITION"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    /** A signed deal whose two parties have both notified today: IN_FORCE. */
    static String inForce(Map<String, Object> extra) {
        String agreementId = signedAgreement(extra);
        recorded(agreementId, "US", "NOTIFICATION", today());
        recorded(agreementId, "UA", "NOTIFICATION", today());
        api().get(agreement(agreementId)).then().body("status", equalTo("IN_FORCE"));
        return agreementId;
    }

    private static String agreementTitle(String agreementId) {
        return api().get(agreement(agreementId)).then().extract().path("title");
    }

    private static List<String> kinds(String agreementId) {
        return api().queryParam("limit", 100).get(agreement(agreementId) + "/events").then().statusCode(200)
                .extract().path("items.kind");
    }
}
