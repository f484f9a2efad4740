package dev.accords.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class AgreementApiTest extends ApiTest {

    static Response create(Map<String, Object> body) {
        return api().body(body).post("/v1/agreements");
    }

    static String createId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    @Test
    void shouldCreateAgreementWithLocationETagAndBody() {
        Response response = create(Deal.agreement("US–Ukraine Natural Resources and Reconstruction Agreement"));
        response.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("title", equalTo("US–Ukraine Natural Resources and Reconstruction Agreement"))
                .body("status", equalTo("NEGOTIATING"))
                .body("parties.code", contains("US", "UA"))
                .body("tags", contains("natural-resources", "reconstruction", "security"))
                .body("plannedSigningDate", equalTo("2025-02-28"))
                .body("signedAt", nullValue())
                .body("version", equalTo(0));
        String id = response.path("id");
        assertThat(response.header("Location")).endsWith("/v1/agreements/" + id);
        api().get(response.header("Location")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void shouldStartAsDraftUnlessToldOtherwise() {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.remove("status");
        create(body).then().statusCode(201).body("status", equalTo("DRAFT"));
    }

    @Test
    void shouldRefuseToCreateAgreementInALaterStatus() {
        var before = database.fingerprint();
        badClient().contentType("application/json").body(with(Deal.agreement(), "status", "SIGNED"))
                .post("/v1/agreements")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("status"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDuplicatePartyCodesAndTags() {
        var before = database.fingerprint();
        Map<String, Object> body = with(Deal.agreement(), "parties",
                List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "US", "name", "Again")));
        create(body).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("parties[1].code"));
        create(with(Deal.agreement(), "tags", List.of("security", "security"))).then().statusCode(400)
                .body("errors[0].field", equalTo("tags[1]"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseInvalidPartiesAndTags() {
        var before = database.fingerprint();
        badClient().contentType("application/json")
                .body(with(Deal.agreement(), "parties", List.of(Map.of("code", "us", "name", "lower case"))))
                .post("/v1/agreements")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("parties", "parties[0].code"));
        badClient().contentType("application/json")
                .body(with(Deal.agreement(), "tags", List.of("Not Kebab")))
                .post("/v1/agreements")
                .then().statusCode(400).body("errors[0].field", equalTo("tags[0]"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAnswerNotFoundForUnknownAgreement() {
        api().get("/v1/agreements/00000000-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("AGREEMENT_NOT_FOUND"));
    }

    @Test
    void shouldAnswerNotModifiedForCurrentETag() {
        String id = createId(Deal.agreement());
        api().header("If-None-Match", "\"0\"").get("/v1/agreements/" + id).then().statusCode(304).header("ETag", "\"0\"");
        api().header("If-None-Match", "\"7\"").get("/v1/agreements/" + id).then().statusCode(200);
    }

    @Test
    void shouldMergePatchLeavingAbsentFieldsAndRemovingNulls() {
        String id = createId(Deal.agreement());
        Map<String, Object> patch = new HashMap<>();
        patch.put("summary", "Provisions deemed unacceptable were removed.");
        patch.put("signingPlace", null);
        api().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(patch)
                .patch("/v1/agreements/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("summary", equalTo("Provisions deemed unacceptable were removed."))
                .body("signingPlace", nullValue())
                .body("plannedSigningDate", equalTo("2025-02-28"))
                .body("tags", hasSize(3))
                .body("version", equalTo(1));
    }

    @Test
    void shouldRemoveEveryTagWhenAPatchSetsTagsToNull() {
        String id = createId(Deal.agreement());
        Map<String, Object> patch = new HashMap<>();
        patch.put("tags", null);
        api().contentType("application/merge-patch+json").body(patch).patch("/v1/agreements/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("tags", hasSize(0));
        api().get("/v1/agreements/" + id).then().body("tags", hasSize(0));
    }

    @Test
    void shouldKeepVersionWhenPatchChangesNothing() {
        String id = createId(Deal.agreement());
        api().body(Map.of("signingPlace", "Washington, D.C.")).patch("/v1/agreements/" + id)
                .then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void shouldRefuseStaleIfMatchAndChangeNothing() {
        String id = createId(Deal.agreement());
        api().body(Map.of("summary", "first")).patch("/v1/agreements/" + id).then().statusCode(200);
        var before = database.fingerprint();
        api().header("If-Match", "\"0\"").body(Map.of("summary", "second")).patch("/v1/agreements/" + id)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        api().header("If-Match", "\"0\"").delete("/v1/agreements/" + id)
                .then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().get("/v1/agreements/" + id).then().body("summary", equalTo("first"));
    }

    @Test
    void shouldRefuseNullForRequiredFields() {
        String id = createId(Deal.agreement());
        var before = database.fingerprint();
        Map<String, Object> patch = new HashMap<>();
        patch.put("title", null);
        badClient().contentType("application/merge-patch+json").body(patch).patch("/v1/agreements/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldAddAndRenamePartiesAndBumpVersion() {
        String id = createId(Deal.agreement());
        api().body(Map.of("parties", List.of(Map.of("code", "US", "name", "United States of America"),
                        Map.of("code", "UA", "name", "Ukraine"), Map.of("code", "EU", "name", "European Union"))))
                .patch("/v1/agreements/" + id)
                .then().statusCode(200).body("parties.code", contains("US", "UA", "EU"))
                .body("parties[0].name", equalTo("United States of America")).body("version", equalTo(1));
        api().body(Map.of("parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "Ukraine"))))
                .patch("/v1/agreements/" + id)
                .then().statusCode(200).body("parties.code", contains("US", "UA"));
    }

    @Test
    void shouldMoveFromDraftToNegotiatingAndWithdraw() {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.remove("status");
        String id = createId(body);
        api().body(Map.of("status", "NEGOTIATING")).patch("/v1/agreements/" + id).then().statusCode(200)
                .body("status", equalTo("NEGOTIATING"));
        api().body(Map.of("status", "WITHDRAWN")).patch("/v1/agreements/" + id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void shouldRefuseToSetSignedOrGoBackToDraft() {
        String id = createId(Deal.agreement());
        var before = database.fingerprint();
        api().body(Map.of("status", "SIGNED")).patch("/v1/agreements/" + id).then().statusCode(409)
                .body("code", equalTo("INVALID_STATUS_TRANSITION"));
        api().body(Map.of("status", "DRAFT")).patch("/v1/agreements/" + id).then().statusCode(409)
                .body("code", equalTo("INVALID_STATUS_TRANSITION"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseFinalizingADraft() {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.remove("status");
        String id = createId(body);
        api().body(Map.of("status", "FINALIZED")).patch("/v1/agreements/" + id).then().statusCode(409)
                .body("code", equalTo("INVALID_STATUS_TRANSITION"));
    }

    @Test
    void shouldKeepWithdrawnAgreementReadOnlyButDeletable() {
        String id = createId(Deal.agreement());
        api().body(Map.of("status", "WITHDRAWN")).patch("/v1/agreements/" + id).then().statusCode(200);
        var before = database.fingerprint();
        api().body(Map.of("title", "Revived")).patch("/v1/agreements/" + id).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("status", "NEGOTIATING")).patch("/v1/agreements/" + id).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().delete("/v1/agreements/" + id).then().statusCode(204);
        api().get("/v1/agreements/" + id).then().statusCode(404);
    }

    @Test
    void shouldDeleteAndThenAnswerNotFound() {
        String id = createId(Deal.agreement());
        api().header("If-Match", "\"0\"").delete("/v1/agreements/" + id).then().statusCode(204);
        api().get("/v1/agreements/" + id).then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        api().delete("/v1/agreements/" + id).then().statusCode(404);
    }

    @Test
    void shouldPageThroughAgreementsWithKeysetCursor() {
        String tag = Deal.uniqueTag();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createId(with(Deal.agreement("Paged " + i), "tags", List.of(tag))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api().queryParam("tag", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/v1/agreements");
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);

        List<String> descending = api().queryParam("tag", tag).queryParam("sort", "-createdAt")
                .get("/v1/agreements").path("items.id");
        List<String> reversed = new ArrayList<>(created);
        java.util.Collections.reverse(reversed);
        assertThat(descending).containsExactlyElementsOf(reversed);
    }

    @Test
    void shouldClampLimitAboveMaximum() {
        api().queryParam("limit", 1000).get("/v1/agreements").then().statusCode(200);
    }

    @Test
    void shouldRefuseLimitBelowOneAndForeignCursor() {
        badClient().queryParam("limit", 0).get("/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        String tag = Deal.uniqueTag();
        createId(with(Deal.agreement(), "tags", List.of(tag)));
        createId(with(Deal.agreement(), "tags", List.of(tag)));
        String cursor = api().queryParam("tag", tag).queryParam("limit", 1).get("/v1/agreements").path("nextCursor");
        assertThat(cursor).isNotNull();
        api().queryParam("sort", "updatedAt").queryParam("cursor", cursor).get("/v1/agreements")
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        badClient().queryParam("cursor", "not-a-cursor!").get("/v1/agreements")
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
    }

    @Test
    void shouldFilterByStatusPartyTagAndTitle() {
        String tag = Deal.uniqueTag();
        String withEu = createId(with(with(Deal.agreement("Minerals 100%_deal 'quoted'"), "tags", List.of(tag)), "parties",
                List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "EU", "name", "European Union"))));
        Map<String, Object> draft = new HashMap<>(with(Deal.agreement("Minerals 100 deal"), "tags", List.of(tag)));
        draft.remove("status");
        String drafted = createId(draft);

        assertThat(api().queryParam("tag", tag).queryParam("party", "EU").get("/v1/agreements")
                .<List<String>>path("items.id")).containsExactly(withEu);
        assertThat(api().queryParam("tag", tag).queryParam("status", "DRAFT").get("/v1/agreements")
                .<List<String>>path("items.id")).containsExactly(drafted);
        assertThat(api().queryParam("tag", tag).queryParam("q", "100%_DEAL").get("/v1/agreements")
                .<List<String>>path("items.id")).containsExactly(withEu);
        assertThat(api().queryParam("tag", tag).queryParam("q", "'quoted'").get("/v1/agreements")
                .<List<String>>path("items.id")).containsExactly(withEu);
        assertThat(api().queryParam("tag", tag).queryParam("q", "%").get("/v1/agreements")
                .<List<String>>path("items.id")).containsExactly(withEu);
    }

    @Test
    void shouldRefuseUnknownQueryParameterAndBadFilterValues() {
        badClient().queryParam("stauts", "DRAFT").get("/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("stauts"));
        badClient().queryParam("status", "OPEN").get("/v1/agreements").then().statusCode(400)
                .body("errors[0].message", containsString("DRAFT, NEGOTIATING, FINALIZED, SIGNED, IN_FORCE, WITHDRAWN"));
        badClient().queryParam("sort", "title").get("/v1/agreements").then().statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shouldReplayIdempotentCreateAndRefuseKeyReuse() {
        String key = "key-" + Deal.uniqueTag();
        Map<String, Object> body = Deal.agreement();
        Response first = api().header("Idempotency-Key", key).body(body).post("/v1/agreements");
        first.then().statusCode(201);
        long count = database.count("select count(*) from agreements");
        Response replay = api().header("Idempotency-Key", key).body(body).post("/v1/agreements");
        replay.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")));
        assertThat(database.count("select count(*) from agreements")).isEqualTo(count);
        var before = database.fingerprint();
        api().header("Idempotency-Key", key).body(Deal.agreement()).post("/v1/agreements")
                .then().statusCode(422).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldForgetIdempotencyKeysAfter24Hours() {
        String key = "key-" + Deal.uniqueTag();
        String first = api().header("Idempotency-Key", key).body(Deal.agreement()).post("/v1/agreements")
                .then().statusCode(201).extract().path("id");
        database.execute("update idempotency_keys set created_at = created_at - interval '25 hours' where idempotency_key = ?", key);
        String second = api().header("Idempotency-Key", key).body(Deal.agreement()).post("/v1/agreements")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldReleaseIdempotencyKeyWhenCreateIsRefused() {
        String key = "key-" + Deal.uniqueTag();
        Map<String, Object> invalid = with(Deal.agreement(), "status", "FINALIZED");
        badClient().contentType("application/json").header("Idempotency-Key", key).body(invalid).post("/v1/agreements")
                .then().statusCode(400);
        api().header("Idempotency-Key", key).body(Deal.agreement()).post("/v1/agreements").then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
    }

    @Test
    void shouldEchoClientRequestIdOrMakeOne() {
        api().header("X-Request-Id", "trace-42").get("/v1/agreements").then().header("X-Request-Id", "trace-42");
        api().get("/v1/agreements").then().header("X-Request-Id", notNullValue());
        badClient().get("/v1/nowhere").then().statusCode(404).header("X-Request-Id", notNullValue());
    }
}
