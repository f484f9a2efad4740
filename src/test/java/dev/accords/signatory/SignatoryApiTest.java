package dev.accords.signatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Race;
import dev.accords.support.Deal;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SignatoryApiTest extends ApiTest {

    static final Map<String, Object> ZELENSKY = Map.of("name", "Volodymyr Zelensky", "role", "President of Ukraine",
            "partyCode", "UA");
    static final Map<String, Object> TRUMP = Map.of("name", "Donald Trump", "role", "President of the United States",
            "partyCode", "US");
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    @TestHTTPResource("/")
    URI root;

    static String agreement() {
        return api().body(Deal.agreement()).post("/v1/agreements").then().statusCode(201).extract().path("id");
    }

    static String signatories(String agreementId) {
        return "/v1/agreements/" + agreementId + "/signatories";
    }

    static String signatory(String agreementId, String signatoryId) {
        return signatories(agreementId) + "/" + signatoryId;
    }

    static String add(String agreementId, Map<String, Object> body) {
        return api().body(body).post(signatories(agreementId)).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> ordered(Map<String, Object> body, int order) {
        return with(body, "signingOrder", order);
    }

    static void setStatus(String agreementId, String status) {
        api().body(Map.of("status", status)).patch("/v1/agreements/" + agreementId).then().statusCode(200)
                .body("status", equalTo(status));
    }

    static Response sign(String agreementId, String signatoryId) {
        return api().post(signatory(agreementId, signatoryId) + "/signature");
    }

    static Response decline(String agreementId, String signatoryId, String reason) {
        return api().body(Map.of("reason", reason)).post(signatory(agreementId, signatoryId) + "/declination");
    }

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
    void shouldSignWhileFinalized() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        api().body(Map.of("signedPlace", "Washington, D.C.")).post(signatory(agreementId, zelensky) + "/signature")
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("SIGNED")).body("signedAt", notNullValue())
                .body("signedPlace", equalTo("Washington, D.C.")).body("version", equalTo(1));
        api().get(signatory(agreementId, zelensky)).then().body("status", equalTo("SIGNED"));
    }

    @Test
    void shouldSignWithoutABodyOrContentType() throws Exception {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200).body("signedPlace", nullValue());
        // REST Assured always sends a Content-Type; a bare client sends none with an empty POST.
        HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                        .uri(root.resolve(signatory(agreementId, trump).substring(1) + "/signature"))
                        .header("Authorization", negotiatorAuthorization())
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.statusCode()).isEqualTo(200);
        assertThat(bare.body()).contains("\"status\":\"SIGNED\"");
    }

    @Test
    void shouldRefuseSigningUnlessFinalized() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        var before = database.fingerprint();
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("AGREEMENT_NOT_FINALIZED"))
                .body("detail", containsString("NEGOTIATING"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseSigningTwice() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseSigningAfterDeclining() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        setStatus(agreementId, "FINALIZED");
        decline(agreementId, zelensky, "Security guarantees were pushed to future discussions.").then().statusCode(200);
        var before = database.fingerprint();
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("SIGNATORY_DECLINED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldLetSignatoriesSignInOrder() {
        String agreementId = agreement();
        String trump = add(agreementId, ordered(TRUMP, 2));
        String zelensky = add(agreementId, ordered(ZELENSKY, 1));
        String minister = add(agreementId, ordered(with(ZELENSKY, "name", "Yulia Svyrydenko"), 1));
        String witness = add(agreementId, with(TRUMP, "name", "Scott Bessent"));
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, witness).then().statusCode(200);
        sign(agreementId, minister).then().statusCode(200);
        sign(agreementId, zelensky).then().statusCode(200);
        sign(agreementId, trump).then().statusCode(200);
    }

    @Test
    void shouldRefuseSigningOutOfOrder() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ordered(ZELENSKY, 1));
        String trump = add(agreementId, ordered(TRUMP, 2));
        setStatus(agreementId, "FINALIZED");
        var before = database.fingerprint();
        sign(agreementId, trump).then().statusCode(409).body("code", equalTo("SIGNATORY_OUT_OF_ORDER"))
                .body("detail", allOf(containsString("Donald Trump"), containsString("Volodymyr Zelensky (UA, order 1, PENDING)")));
        assertThat(database.fingerprint()).isEqualTo(before);
        decline(agreementId, zelensky, "Security guarantees were pushed to future discussions.").then().statusCode(200);
        sign(agreementId, trump).then().statusCode(409).body("code", equalTo("SIGNATORY_OUT_OF_ORDER"))
                .body("detail", containsString("DECLINED"));
    }

    @Test
    void shouldSignAgreementWhenLastSignatorySigns() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ordered(ZELENSKY, 1));
        String trump = add(agreementId, ordered(TRUMP, 1));
        setStatus(agreementId, "FINALIZED");
        Response finalized = api().get("/v1/agreements/" + agreementId);
        sign(agreementId, zelensky).then().statusCode(200);
        String signedAt = sign(agreementId, trump).then().statusCode(200).extract().path("signedAt");
        api().get("/v1/agreements/" + agreementId).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("signedAt", equalTo(signedAt))
                .body("finalizedAt", equalTo(finalized.path("finalizedAt")))
                .body("version", equalTo(finalized.<Integer>path("version") + 1));
    }

    @Test
    void shouldKeepAgreementFinalizedUntilEverySignatoryHasSigned() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        String declining = add(agreementId, with(TRUMP, "name", "J. D. Vance"));
        setStatus(agreementId, "FINALIZED");
        String etag = api().get("/v1/agreements/" + agreementId).header("ETag");
        sign(agreementId, zelensky).then().statusCode(200);
        decline(agreementId, declining, "Not authorized to sign.").then().statusCode(200);
        sign(agreementId, trump).then().statusCode(200);
        api().get("/v1/agreements/" + agreementId).then().statusCode(200).header("ETag", etag)
                .body("status", equalTo("FINALIZED")).body("signedAt", nullValue());
    }

    @Test
    void shouldDeclineWithReason() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        decline(agreementId, trump, "The text is not final for the United States.").then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("DECLINED"))
                .body("declineReason", equalTo("The text is not final for the United States.")).body("signedAt", nullValue());
    }

    @Test
    void shouldRefuseDeclinationWithoutReason() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        String path = signatory(agreementId, trump) + "/declination";
        var before = database.fingerprint();
        badClient().contentType("application/json").body(Map.of()).post(path).then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("reason"));
        badClient().contentType("application/json").body(Map.of("reason", "  ")).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        badClient().contentType("application/json").body(Map.of("reason", "x".repeat(2001))).post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        badClient().contentType("application/json").post(path).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDeclinationUnlessFinalized() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        var before = database.fingerprint();
        decline(agreementId, trump, "Not yet.").then().statusCode(409).body("code", equalTo("AGREEMENT_NOT_FINALIZED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseDecliningTwiceOrAfterSigning() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        decline(agreementId, trump, "Not final for the United States.").then().statusCode(200);
        var before = database.fingerprint();
        decline(agreementId, zelensky, "Changed my mind.").then().statusCode(409).body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        decline(agreementId, trump, "Again.").then().statusCode(409).body("code", equalTo("SIGNATORY_DECLINED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldEditAndRemovePendingSignatoriesWhileFinalized() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        String vance = add(agreementId, with(TRUMP, "name", "J. D. Vance"));
        setStatus(agreementId, "FINALIZED");
        api().body(Map.of("role", "President of Ukraine (signing in Washington)")).patch(signatory(agreementId, zelensky))
                .then().statusCode(200);
        api().delete(signatory(agreementId, vance)).then().statusCode(204);
        sign(agreementId, zelensky).then().statusCode(200);
        api().body(Map.of("role", "45th and 47th President")).patch(signatory(agreementId, trump)).then().statusCode(200);
    }

    @Test
    void shouldRefuseEditingOrRemovingASignedSignatory() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().body(Map.of("role", "Former President")).patch(signatory(agreementId, zelensky)).then().statusCode(409)
                .body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        api().delete(signatory(agreementId, zelensky)).then().statusCode(409).body("code", equalTo("SIGNATORY_ALREADY_SIGNED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldRefuseRemovingTheLastUnsignedSignatoryOnceOthersSigned() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().delete(signatory(agreementId, trump)).then().statusCode(409).body("code", equalTo("AGREEMENT_HAS_SIGNATURES"))
                .body("detail", containsString("Donald Trump"));
        assertThat(database.fingerprint()).isEqualTo(before);
        String vance = add(agreementId, with(TRUMP, "name", "J. D. Vance"));
        api().delete(signatory(agreementId, vance)).then().statusCode(204);
    }

    @Test
    void shouldRefusePlacingASignatoryBeforeOneWhoHasSigned() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ordered(ZELENSKY, 2));
        String trump = add(agreementId, ordered(TRUMP, 3));
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().body(ordered(with(TRUMP, "name", "J. D. Vance"), 1)).post(signatories(agreementId)).then().statusCode(409)
                .body("code", equalTo("SIGNATORY_OUT_OF_ORDER")).body("detail", containsString("Volodymyr Zelensky"));
        api().body(Map.of("signingOrder", 1)).patch(signatory(agreementId, trump)).then().statusCode(409)
                .body("code", equalTo("SIGNATORY_OUT_OF_ORDER"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().body(Map.of("signingOrder", 2)).patch(signatory(agreementId, trump)).then().statusCode(200);
        add(agreementId, with(TRUMP, "name", "J. D. Vance"));
    }

    @Test
    void shouldKeepSignatoriesOfWithdrawnAgreementReadOnly() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        setStatus(agreementId, "WITHDRAWN");
        var before = database.fingerprint();
        api().body(TRUMP).post(signatories(agreementId)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("role", "Acting")).patch(signatory(agreementId, zelensky)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(signatory(agreementId, zelensky)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        sign(agreementId, zelensky).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        decline(agreementId, zelensky, "Withdrawn.").then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
        api().get(signatory(agreementId, zelensky)).then().statusCode(200);
        api().get(signatories(agreementId)).then().statusCode(200);
    }

    @Test
    void shouldKeepSignatoriesOfSignedAgreementReadOnly() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        var before = database.fingerprint();
        api().body(TRUMP).post(signatories(agreementId)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().body(Map.of("role", "Acting")).patch(signatory(agreementId, zelensky)).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_READ_ONLY"));
        api().delete(signatory(agreementId, zelensky)).then().statusCode(409).body("code", equalTo("AGREEMENT_READ_ONLY"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    @Test
    void shouldSetDeclinedSignatoriesBackToPendingWhenReopened() {
        String agreementId = agreement();
        String trump = add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        decline(agreementId, trump, "The United States has not confirmed the text is final.").then().statusCode(200);
        setStatus(agreementId, "NEGOTIATING");
        api().get(signatory(agreementId, trump)).then().body("status", equalTo("PENDING")).body("declineReason", nullValue());
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, trump).then().statusCode(200);
    }

    @Test
    void shouldRefuseReopeningOrDroppingAPartyOnceSignatoriesDependOnIt() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        var before = database.fingerprint();
        api().body(Map.of("parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "EU", "name", "EU"))))
                .patch("/v1/agreements/" + agreementId).then().statusCode(409).body("code", equalTo("PARTY_IN_USE"));
        assertThat(database.fingerprint()).isEqualTo(before);
        setStatus(agreementId, "FINALIZED");
        sign(agreementId, zelensky).then().statusCode(200);
        api().body(Map.of("status", "NEGOTIATING")).patch("/v1/agreements/" + agreementId).then().statusCode(409)
                .body("code", equalTo("AGREEMENT_HAS_SIGNATURES"));
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

    @Test
    void shouldLetOnlyOneOfTwoConcurrentSignaturesWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String agreementId = agreement();
            String zelensky = add(agreementId, ZELENSKY);
            add(agreementId, TRUMP);
            setStatus(agreementId, "FINALIZED");
            List<Response> responses = race(() -> sign(agreementId, zelensky), () -> sign(agreementId, zelensky));
            assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("code"))
                    .containsExactly("SIGNATORY_ALREADY_SIGNED");
            api().get(signatory(agreementId, zelensky)).then().body("version", equalTo(1));
            api().get("/v1/agreements/" + agreementId).then().body("status", equalTo("FINALIZED"));
        }
    }

    @Test
    void shouldLetOneOfSixteenRacingSignaturesForOneSignatoryWin() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        List<Response> responses = Race.run(16, client -> sign(agreementId, zelensky));
        assertThat(Race.count(responses, 200)).isEqualTo(1);
        assertThat(Race.count(responses, 409)).isEqualTo(15);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("code"))
                .containsOnly("SIGNATORY_ALREADY_SIGNED");
        api().get(signatory(agreementId, zelensky)).then().body("status", equalTo("SIGNED")).body("version", equalTo(1));
        assertThat(database.count("select count(*) from agreement_events where target_id = ?::uuid and kind = 'SIGNATORY_SIGNED'",
                zelensky)).as("one signature, one event").isEqualTo(1);
    }

    @Test
    void shouldSignAgreementWhenTheLastTwoSignatoriesRace() throws Exception {
        for (int round = 0; round < 3; round++) {
            String agreementId = agreement();
            String zelensky = add(agreementId, ordered(ZELENSKY, 1));
            String trump = add(agreementId, ordered(TRUMP, 1));
            setStatus(agreementId, "FINALIZED");
            List<Response> responses = race(() -> sign(agreementId, zelensky), () -> sign(agreementId, trump));
            assertThat(responses).extracting(Response::statusCode).containsExactly(200, 200);
            api().get("/v1/agreements/" + agreementId).then().body("status", equalTo("SIGNED"))
                    .body("signedAt", notNullValue());
        }
    }

    @Test
    void shouldLetOnlyOneOfTwoChangesWithTheSameETagWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String agreementId = agreement();
            String trump = add(agreementId, TRUMP);
            String path = signatory(agreementId, trump);
            List<Response> responses = race(
                    () -> api().header("If-Match", "\"0\"").body(Map.of("role", "45th President")).patch(path),
                    () -> api().header("If-Match", "\"0\"").body(Map.of("role", "47th President")).patch(path));
            assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412);
            String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("role");
            api().get(path).then().body("role", equalTo(winner)).body("version", equalTo(1));
        }
    }

    /** Starts both requests together, as nearly as threads allow, and returns both answers in order. */
    @SafeVarargs
    private static List<Response> race(Callable<Response>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
