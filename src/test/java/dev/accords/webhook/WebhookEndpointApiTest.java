package dev.accords.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.StandardWebhooksVerifier;
import dev.accords.support.Tokens;
import dev.accords.support.WebhookReceiver;
import dev.accords.support.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Issue 13, items 1, 6 and 7: the endpoint registry, its secrets, who may use it, and what it refuses. */
@QuarkusTest
class WebhookEndpointApiTest extends ApiTest {

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll();
    }

    @Test
    void shouldShowTheSecretOnceAndNeverAgain() {
        var created = admin().body(Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("clause.status_changed"),
                "description", "Reconstruction fund dashboard")).post(Webhooks.ENDPOINTS).then().statusCode(201)
                .body("secret", startsWith("whsec_")).body("enabled", equalTo(true)).body("ordered", equalTo(false))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1/webhook-endpoints/" + id);

        admin().get(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(200).body("$", not(hasKey("secret")))
                .body("description", equalTo("Reconstruction fund dashboard"));
        admin().get(Webhooks.ENDPOINTS).then().statusCode(200).body("items[0]", not(hasKey("secret")));
    }

    @Test
    void shouldLetOnlyAdminsManageEndpoints() {
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("*"));
        for (String token : List.of(Tokens.negotiator(), Tokens.reader())) {
            as(token).body(body).post(Webhooks.ENDPOINTS).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            as(token).get(Webhooks.ENDPOINTS).then().statusCode(403);
        }
        String id = Webhooks.create(admin(), "http://127.0.0.1:9/hooks", List.of("*"), Map.of()).getString("id");
        as(Tokens.negotiator()).get(Webhooks.ENDPOINTS + "/{id}/deliveries", id).then().statusCode(403);
        as(Tokens.negotiator()).post(Webhooks.ENDPOINTS + "/{id}/ping", id).then().statusCode(403);
        as(Tokens.negotiator()).delete(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(403);
        admin().get(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://10.1.2.3/hooks", "https://192.168.0.10/hooks", "https://172.16.5.4/hooks",
            "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hooks", "https://[fd00::1]/hooks",
            "https://[::ffff:10.0.0.1]/hooks", "https://0.0.0.0/hooks", "http://203.0.113.10/hooks",
            "https://user:secret@203.0.113.10/hooks", "ftp://203.0.113.10/hooks", "/relative/hooks",
            "https://unresolvable.invalid/hooks"})
    void shouldRefuseUrlsItMustNotCallAndStoreNothing(String url) {
        badClientAs(Tokens.admin()).contentType("application/json")
                .body(Map.of("url", url, "types", List.of("*"))).post(Webhooks.ENDPOINTS)
                .then().statusCode(400).body("code", equalTo("WEBHOOK_URL_NOT_ALLOWED"))
                .body("errors[0].field", equalTo("url"));
        admin().get(Webhooks.ENDPOINTS).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void shouldRefuseBadInputWithAProblemAndStoreNothing() {
        String agreementId = Fixtures.agreement();
        List<Map<String, Object>> bodies = List.of(
                Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("clause.signed")),
                Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of()),
                Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("ping")),
                Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("*", "*")),
                Map.of("url", "http://127.0.0.1:9/" + "x".repeat(2100), "types", List.of("*")),
                Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("*"), "description", "x".repeat(501)),
                Map.of("types", List.of("*")));
        for (Map<String, Object> body : bodies) {
            badClientAs(Tokens.admin()).contentType("application/json")
                    .body(body).post(Webhooks.ENDPOINTS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        }
        admin().body(Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("*"),
                        "agreementId", "00000000-0000-4000-8000-000000000000")).post(Webhooks.ENDPOINTS)
                .then().statusCode(404).body("code", equalTo("AGREEMENT_NOT_FOUND"));
        admin().get(Webhooks.ENDPOINTS).then().statusCode(200).body("items.size()", equalTo(0));
        Webhooks.create(admin(), "http://127.0.0.1:9/hooks", List.of("*"), Map.of("agreementId", agreementId));
    }

    @Test
    void shouldAllowNoMoreEndpointsThanConfigured() {
        // The test profile allows 10 (production: 50, ACCORDS_WEBHOOKS_MAX_ENDPOINTS).
        for (int i = 0; i < 10; i++) {
            Webhooks.create(admin(), "http://127.0.0.1:9/hooks/" + i, List.of("*"), Map.of());
        }
        admin().body(Map.of("url", "http://127.0.0.1:9/hooks/10", "types", List.of("*"))).post(Webhooks.ENDPOINTS)
                .then().statusCode(409).body("code", equalTo("WEBHOOK_ENDPOINT_LIMIT_REACHED"));
        assertThat(admin().queryParam("limit", 100).get(Webhooks.ENDPOINTS).then().statusCode(200).extract()
                .jsonPath().getList("items")).hasSize(10);
    }

    @Test
    void shouldPatchAnEndpointOnlyAtTheVersionTheClientSaw() {
        var created = admin().body(Map.of("url", "http://127.0.0.1:9/hooks", "types", List.of("*")))
                .post(Webhooks.ENDPOINTS).then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        var patched = admin().contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("types", List.of("signatory.signed", "signatory.declined"), "ordered", true))
                .patch(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(200)
                .body("types", equalTo(List.of("signatory.signed", "signatory.declined"))).body("ordered", equalTo(true))
                .extract();
        assertThat(patched.header("ETag")).isNotEqualTo(etag);
        admin().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("enabled", false))
                .patch(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(412).body("code", equalTo("PRECONDITION_FAILED"));
        badClientAs(Tokens.admin()).contentType("application/merge-patch+json")
                .body("{\"url\": null}").patch(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(400);
        admin().get(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void shouldSignWithTheOldAndTheNewSecretWhileARotationOverlaps() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath endpoint = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of());
            String id = endpoint.getString("id");
            JsonPath rotation = admin().post(Webhooks.ENDPOINTS + "/{id}/secret", id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(rotation.getString("secret")).startsWith("whsec_").isNotEqualTo(endpoint.getString("secret"));
            admin().get(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(200)
                    .body("previousSecretExpiresAt", equalTo(rotation.getString("previousSecretExpiresAt")));

            admin().post(Webhooks.ENDPOINTS + "/{id}/ping", id).then().statusCode(202);
            Received delivery = receiver.await(1).get(0);

            assertThat(delivery.headers().get("webhook-signature").split(" ")).hasSize(2);
            assertThat(StandardWebhooksVerifier.verify(rotation.getString("secret"), List.of(delivery))).containsExactly("verified");
            assertThat(StandardWebhooksVerifier.verify(endpoint.getString("secret"), List.of(delivery))).containsExactly("verified");
            assertThat(StandardWebhooksVerifier.verify(WebhookSignatures.newSecret(), List.of(delivery)).get(0)).startsWith("refused");
        }
    }

    @Test
    void shouldDeleteAnEndpointWithItsDeliveries() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of()).getString("id");
            String deliveryId = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", id).then().statusCode(202).extract().path("id");
            receiver.await(1);

            admin().delete(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(204);

            admin().get(Webhooks.ENDPOINTS + "/{id}", id).then().statusCode(404).body("code", equalTo("WEBHOOK_ENDPOINT_NOT_FOUND"));
            admin().get(Webhooks.ENDPOINTS + "/{id}/deliveries/{deliveryId}", id, deliveryId).then().statusCode(404)
                    .body("code", equalTo("WEBHOOK_ENDPOINT_NOT_FOUND"));
        }
    }

    private RequestSpecification admin() {
        return as(Tokens.admin());
    }
}
