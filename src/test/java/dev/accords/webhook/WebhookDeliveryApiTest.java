package dev.accords.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.StandardWebhooksVerifier;
import dev.accords.support.Tokens;
import dev.accords.support.WebhookReceiver;
import dev.accords.support.WebhookReceiver.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Issue 13, items 2, 5 and 6: what a receiver gets, what the log shows, and what the service will not do. */
@QuarkusTest
class WebhookDeliveryApiTest extends ApiTest {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Inject
    ObjectMapper mapper;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll();
    }

    @Test
    void shouldNeverCarryAPartysPrivateNoteInAPayload() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String agreementId = Fixtures.agreement();
            Webhooks.create(admin(), receiver.url("/hooks"), List.of("clause.position_changed"),
                    Map.of("agreementId", agreementId));
            String clauseId = Fixtures.clause(agreementId, "1", null);
            as(Tokens.forParty("ua-negotiator", "negotiator", "UA"))
                    .body(Map.of("stance", "RESERVES", "note", "UA will not accept debt clauses"))
                    .put("/v1/agreements/" + agreementId + "/clauses/" + clauseId + "/positions/UA")
                    .then().statusCode(200);

            Received delivery = receiver.await(1).get(0);

            assertThat(delivery.body()).contains("\"stance\":\"RESERVES\"").doesNotContain("debt clauses")
                    .doesNotContain("\"note\"");
        }
    }

    @Test
    void shouldDeliverAChangeSignedAsTheStandardWebhooksReferenceVerifies() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String agreementId = Fixtures.agreement();
            JsonPath endpoint = Webhooks.create(admin(), receiver.url("/hooks"), List.of("clause.status_changed"),
                    Map.of("agreementId", agreementId));
            String clauseId = Fixtures.clause(agreementId, "1", null);
            Fixtures.patchClause(agreementId, clauseId, Map.of("status", "DEFERRED"));

            Received delivery = receiver.await(1).get(0);

            String secret = endpoint.getString("secret");
            assertThat(StandardWebhooksVerifier.verify(secret, List.of(delivery))).containsExactly("verified");
            Received tampered = new Received(delivery.at(), delivery.path(), delivery.headers(),
                    delivery.body().replace("DEFERRED", "AGREED"));
            assertThat(StandardWebhooksVerifier.verify(secret, List.of(tampered)).get(0)).startsWith("refused");

            Map<String, Object> body = mapper.readValue(delivery.body(), JSON_OBJECT);
            Map<String, Object> feedEvent = api().queryParam("agreementId", agreementId).queryParam("kind", "CLAUSE_STATUS_CHANGED")
                    .get("/v1/events").then().statusCode(200).extract().jsonPath().getMap("items[0]");
            assertThat(body).containsEntry("type", "clause.status_changed").containsEntry("data", feedEvent)
                    .containsEntry("timestamp", feedEvent.get("occurredAt"));
            assertThat(delivery.headers()).containsEntry("content-type", "application/json");

            JsonPath logged = Webhooks.awaitStatus(this::admin, endpoint.getString("id"), delivery.webhookId(), "DELIVERED");
            assertThat(logged.getInt("attemptCount")).isEqualTo(1);
            assertThat(logged.getInt("attempts[0].statusCode")).isEqualTo(200);
            assertThat(logged.getLong("eventSequence")).isEqualTo(((Number) feedEvent.get("sequence")).longValue());
            assertThat(mapper.readValue(delivery.body(), JSON_OBJECT))
                    .isEqualTo(mapper.convertValue(logged.getMap("payload"), JSON_OBJECT));
        }
    }

    @Test
    void shouldDeliverOnlyWhatAnEndpointFollows() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String followed = Fixtures.agreement();
            String other = Fixtures.agreement();
            Webhooks.create(admin(), receiver.url("/one"), List.of("clause.created", "clause.position_changed"),
                    Map.of("agreementId", followed));
            Webhooks.create(admin(), receiver.url("/all"), List.of("*"), Map.of());

            String clauseId = Fixtures.clause(followed, "1", null);
            Fixtures.position(followed, clauseId, "US", "REJECTS");
            Fixtures.patchClause(followed, clauseId, Map.of("title", "Renamed"));
            Fixtures.clause(other, "1", null);
            String last = Fixtures.clause(followed, "2", null);

            receiver.await(1, r -> r.path().equals("/one") && r.body().contains(last));
            receiver.await(1, r -> r.path().equals("/all") && r.body().contains(last));
            assertThat(receiver.received()).filteredOn(r -> r.path().equals("/one")).extracting(r -> type(r.body()))
                    .containsExactlyInAnyOrder("clause.created", "clause.position_changed", "clause.created");
            assertThat(receiver.received()).filteredOn(r -> r.path().equals("/all")).extracting(r -> type(r.body()))
                    .containsExactlyInAnyOrder("clause.created", "clause.position_changed", "clause.updated",
                            "clause.created", "clause.created");
        }
    }

    @Test
    void shouldPingOnDemandAndRedeliverWithTheSameWebhookId() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath endpoint = Webhooks.create(admin(), receiver.url("/hooks"), List.of("signatory.signed"), Map.of());
            String endpointId = endpoint.getString("id");

            var ping = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202).extract();
            String deliveryId = ping.path("id");
            assertThat(ping.header("Location")).endsWith("/v1/webhook-endpoints/" + endpointId + "/deliveries/" + deliveryId);
            Received first = receiver.await(1).get(0);
            assertThat(type(first.body())).isEqualTo("ping");
            assertThat(StandardWebhooksVerifier.verify(endpoint.getString("secret"), List.of(first))).containsExactly("verified");
            Webhooks.awaitStatus(this::admin, endpointId, deliveryId, "DELIVERED");

            admin().post(Webhooks.ENDPOINTS + "/{id}/deliveries/{deliveryId}/redeliver", endpointId, deliveryId)
                    .then().statusCode(202);
            List<Received> both = receiver.await(2);
            assertThat(both).extracting(Received::webhookId).containsExactly(deliveryId, deliveryId);
            assertThat(both.get(1).body()).isEqualTo(first.body());
            JsonPath logged = Webhooks.awaitStatus(this::admin, endpointId, deliveryId, "DELIVERED");
            assertThat(logged.getList("attempts.number", Integer.class)).containsExactly(1, 2);
        }
    }

    @Test
    void shouldRefuseToRedeliverWhatIsStillPending() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(WebhookReceiver.Answer.status(503).withHeader("Retry-After", "30"));
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of()).getString("id");
            String deliveryId = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202)
                    .extract().path("id");
            receiver.await(1);

            admin().post(Webhooks.ENDPOINTS + "/{id}/deliveries/{deliveryId}/redeliver", endpointId, deliveryId)
                    .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("WEBHOOK_DELIVERY_PENDING"));
            admin().post(Webhooks.ENDPOINTS + "/{id}/deliveries/{deliveryId}/redeliver", endpointId,
                    "00000000-0000-4000-8000-000000000000").then().statusCode(404)
                    .body("code", org.hamcrest.Matchers.equalTo("WEBHOOK_DELIVERY_NOT_FOUND"));
        }
    }

    @Test
    void shouldNotReadMoreThan64KiBOfAnAnswerNorFollowARedirect() {
        try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver elsewhere = WebhookReceiver.start()) {
            receiver.answer(WebhookReceiver.Answer.status(200).withBody(new byte[1024 * 1024]),
                    WebhookReceiver.Answer.status(302).withHeader("Location", elsewhere.url("/stolen")));
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of()).getString("id");

            String big = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202).extract().path("id");
            JsonPath read = Webhooks.awaitStatus(this::admin, endpointId, big, "DELIVERED");
            String redirected = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202).extract().path("id");
            JsonPath retried = Webhooks.awaitStatus(this::admin, endpointId, redirected, "DELIVERED");

            assertThat(read.getString("attempts[0].error")).contains("64 KiB");
            assertThat(read.getString("attempts[0].responseBody")).hasSizeLessThanOrEqualTo(1024);
            // The 302 was a failed attempt like any other; the retry found the receiver answering 200.
            assertThat(retried.getList("attempts.statusCode", Integer.class)).containsExactly(302, 200);
            assertThat(elsewhere.received()).isEmpty();
        }
    }

    @Test
    void shouldGiveUpOnAReceiverThatDoesNotAnswerInTime() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            // The test profile waits 2 s for an answer (production: 10 s); this receiver takes 5.
            receiver.answer(WebhookReceiver.Answer.status(200).after(Duration.ofSeconds(5)));
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of()).getString("id");
            String deliveryId = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202)
                    .extract().path("id");

            JsonPath delivered = Webhooks.awaitStatus(this::admin, endpointId, deliveryId, "DELIVERED");

            assertThat(delivered.getString("attempts[0].error")).startsWith("no answer within 2 s");
            assertThat((Object) delivered.get("attempts[0].statusCode")).isNull();
            assertThat(delivered.getLong("attempts[0].durationMs")).isLessThan(5000);
            assertThat(delivered.getInt("attempts[1].statusCode")).isEqualTo(200);
        }
    }

    @Test
    void shouldHoldNoDatabaseConnectionWhileAReceiverTakesItsTime() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(WebhookReceiver.Answer.status(200).after(Duration.ofMillis(1500)));
            String endpointId = Webhooks.create(admin(), receiver.url("/slow"), List.of("*"), Map.of()).getString("id");
            for (int i = 0; i < 4; i++) {
                admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202);
            }
            receiver.await(4);

            // Four requests are waiting on the receiver now; the pool has nothing checked out for them.
            long idleSamples = 0;
            for (int i = 0; i < 20; i++) {
                idleSamples += dataSource.getMetrics().activeCount() == 0 ? 1 : 0;
            }
            assertThat(idleSamples).isPositive();
            api().get("/v1/agreements").then().statusCode(200);
        }
    }

    private String type(String body) {
        try {
            return (String) mapper.readValue(body, JSON_OBJECT).get("type");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RequestSpecification admin() {
        return as(Tokens.admin());
    }
}
