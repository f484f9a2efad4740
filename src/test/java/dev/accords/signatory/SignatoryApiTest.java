package dev.accords.signatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.Deal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Adding, reading, listing, editing and removing signatories, and replaying an idempotent creation. */
@QuarkusTest
class SignatoryApiTest extends SignatoryApiBase {

    @Test
    void shouldAddSignatoryWithLocationETagAndBody() {
        String agreementId = agreement();
        Response response = api().body(ordered(ZELENSKY, 1)).post(signatories(agreementId));
        response.then().statusCode(201).header("ETag", "\"0\"")
                .body("name", equalTo("Volodymyr Zelensky")).body("role", equalTo("President of Ukraine"))
                .body("partyCode", equalTo("UA")).body("signingOrder", equalTo(1)).body("status", equalTo("PENDING"))
                .body("signedAt", nullValue()).body("signedPlace", nullValue()).body("declineReason", nullValue())
                .body("createdAt", notNullValue()).body("version", equalTo(0));
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith(signatory(agreementId, id));
        api().get(response.header("Location")).then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id));
        api().body(TRUMP).post(signatories(agreementId)).then().statusCode(201).body("signingOrder", nullValue());
    }

    @Test
    void shouldRefuseSignatoryForAPartyOutsideTheAgreement() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        var before = database.fingerprint();
        api().body(with(TRUMP, "partyCode", "EU")).post(signatories(agreementId))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("partyCode")).body("detail", containsString("US, UA"));
        api().body(Map.of("partyCode", "EU")).patch(signatory(agreementId, trump))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("partyCode"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().body(Map.of("partyCode", "UA")).patch(signatory(agreementId, trump)).then().statusCode(200)
                .body("partyCode", equalTo("UA"));
    }

    @Test
    void shouldRefuseInvalidSignatoryFields() {
        String agreementId = agreement();
        var before = database.fingerprint();
        badClient().contentType("application/json").body(ordered(ZELENSKY, 0)).post(signatories(agreementId))
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("signingOrder"));
        badClient().contentType("application/json").body(with(ZELENSKY, "name", " ")).post(signatories(agreementId))
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        badClient().contentType("application/json").body(with(ZELENSKY, "partyCode", "ua")).post(signatories(agreementId))
                .then().statusCode(400).body("errors[0].field", equalTo("partyCode"));
        badClient().contentType("application/json").body(with(ZELENSKY, "status", "SIGNED")).post(signatories(agreementId))
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        badClient().contentType("application/json").body(with(ZELENSKY, "signingOrder", "first")).post(signatories(agreementId))
                .then().statusCode(400).body("errors[0].field", equalTo("signingOrder"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAnswerNotFoundForUnknownAgreementOrSignatory() {
        String agreementId = agreement();
        String other = agreement();
        String othersSignatory = add(other, TRUMP);
        var before = database.fingerprint();
        api().get(signatories(UNKNOWN)).then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        api().body(ZELENSKY).post(signatories(UNKNOWN)).then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        api().get(signatory(UNKNOWN, othersSignatory)).then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        api().get(signatory(agreementId, UNKNOWN)).then().statusCode(404).body("code", equalTo("SIGNATORY_NOT_FOUND"));
        api().get(signatory(agreementId, othersSignatory)).then().statusCode(404).body("code", equalTo("SIGNATORY_NOT_FOUND"));
        api().body(Map.of("role", "Acting")).patch(signatory(agreementId, othersSignatory)).then().statusCode(404)
                .body("code", equalTo("SIGNATORY_NOT_FOUND"));
        api().delete(signatory(agreementId, othersSignatory)).then().statusCode(404).body("code", equalTo("SIGNATORY_NOT_FOUND"));
        sign(agreementId, othersSignatory).then().statusCode(404).body("code", equalTo("SIGNATORY_NOT_FOUND"));
        decline(agreementId, othersSignatory, "no").then().statusCode(404).body("code", equalTo("SIGNATORY_NOT_FOUND"));
        badClient().get(signatory(agreementId, "not-a-uuid")).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("signatoryId"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAnswerNotModifiedForCurrentSignatoryETag() {
        String agreementId = agreement();
        String id = add(agreementId, ZELENSKY);
        api().header("If-None-Match", "\"0\"").get(signatory(agreementId, id)).then().statusCode(304).header("ETag", "\"0\"");
        api().header("If-None-Match", "\"7\"").get(signatory(agreementId, id)).then().statusCode(200);
    }

    @Test
    void shouldPageThroughSignatoriesWithKeysetCursor() {
        String agreementId = agreement();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(add(agreementId, with(ZELENSKY, "name", "Signatory " + i)));
        }
        add(agreement(), TRUMP);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(signatories(agreementId));
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void shouldRefuseBadListParameters() {
        String agreementId = agreement();
        badClient().queryParam("limit", 0).get(signatories(agreementId)).then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        badClient().queryParam("status", "SIGNED").get(signatories(agreementId)).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        api().body(Deal.agreement()).post("/v1/agreements");
        String agreementsCursor = api().queryParam("limit", 1).get("/v1/agreements").path("nextCursor");
        api().queryParam("cursor", agreementsCursor).get(signatories(agreementId)).then().statusCode(400)
                .body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void shouldMergePatchSignatoryAndKeepVersionWhenNothingChanges() {
        String agreementId = agreement();
        String id = add(agreementId, ordered(TRUMP, 2));
        Map<String, Object> patch = new HashMap<>();
        patch.put("role", null);
        patch.put("signingOrder", null);
        api().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(patch)
                .patch(signatory(agreementId, id))
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("role", nullValue()).body("signingOrder", nullValue())
                .body("name", equalTo("Donald Trump")).body("version", equalTo(1));
        api().body(Map.of("name", "Donald Trump")).patch(signatory(agreementId, id)).then().statusCode(200)
                .header("ETag", "\"1\"");
        var before = database.fingerprint();
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        badClient().contentType("application/merge-patch+json").body(nullName).patch(signatory(agreementId, id))
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseStaleIfMatchOnEveryChange() {
        String agreementId = agreement();
        String id = add(agreementId, ZELENSKY);
        api().body(Map.of("role", "President")).patch(signatory(agreementId, id)).then().statusCode(200);
        setStatus(agreementId, "FINALIZED");
        var before = database.fingerprint();
        String path = signatory(agreementId, id);
        api().header("If-Match", "\"0\"").body(Map.of("role", "Acting")).patch(path).then().statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        api().header("If-Match", "\"0\"").delete(path).then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        api().header("If-Match", "\"0\"").post(path + "/signature").then().statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        api().header("If-Match", "\"0\"").body(Map.of("reason", "no")).post(path + "/declination").then().statusCode(412)
                .body("code", equalTo("PRECONDITION_FAILED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().header("If-Match", "\"1\"").post(path + "/signature").then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void shouldRemoveSignatoryAndThenAnswerNotFound() {
        String agreementId = agreement();
        String id = add(agreementId, ZELENSKY);
        api().header("If-Match", "\"0\"").delete(signatory(agreementId, id)).then().statusCode(204);
        api().get(signatory(agreementId, id)).then().statusCode(404).body("code", equalTo("SIGNATORY_NOT_FOUND"));
        api().delete(signatory(agreementId, id)).then().statusCode(404);
    }

    @Test
    void shouldReplayIdempotentCreateAndSignature() {
        String agreementId = agreement();
        String key = "key-" + Deal.uniqueTag();
        Response first = api().header("Idempotency-Key", key).body(ZELENSKY).post(signatories(agreementId));
        first.then().statusCode(201);
        api().header("Idempotency-Key", key).body(ZELENSKY).post(signatories(agreementId)).then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        api().header("Idempotency-Key", key).body(TRUMP).post(signatories(agreementId)).then().statusCode(422)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(database.count("select count(*) from signatories where agreement_id = ?::uuid", agreementId)).isEqualTo(1);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        String path = signatory(agreementId, first.path("id")) + "/signature";
        api().header("Idempotency-Key", key).post(path).then().statusCode(200).header("ETag", "\"1\"");
        api().header("Idempotency-Key", key).post(path).then().statusCode(200).header("Idempotent-Replayed", "true")
                .header("ETag", "\"1\"").body("status", equalTo("SIGNED"));
    }
}
