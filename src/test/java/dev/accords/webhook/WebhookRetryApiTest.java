package dev.accords.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import dev.accords.support.WebhookReceiver;
import dev.accords.support.WebhookReceiver.Answer;
import dev.accords.support.WebhookReceiver.Received;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 13, item 3: retries with backoff, Retry-After, giving up, and disabling an endpoint. The
 * test profile shrinks the schedule: the first retry after 100 ms, a 4 s retry window, and an
 * endpoint disabled after failing for 4 s (production: 5 s, 24 h and 24 h).
 */
@QuarkusTest
class WebhookRetryApiTest extends ApiTest {

    @AfterEach
    void removeEndpoints() {
        Webhooks.deleteAll();
    }

    @Test
    void shouldRetryAReceiverThatFailsThreeTimesWithTheSameWebhookId() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(Answer.status(500), Answer.status(500), Answer.status(500));
            String agreementId = Fixtures.agreement();
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("clause.created"),
                    Map.of("agreementId", agreementId)).getString("id");
            Fixtures.clause(agreementId, "1", null);

            List<Received> attempts = receiver.await(4);
            String deliveryId = attempts.get(0).webhookId();
            JsonPath delivery = Webhooks.awaitStatus(this::admin, endpointId, deliveryId, "DELIVERED");

            assertThat(attempts).extracting(Received::webhookId).containsOnly(deliveryId);
            assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
            assertThat(delivery.getInt("attemptCount")).isEqualTo(4);
            assertThat(delivery.getList("attempts.statusCode", Integer.class)).containsExactly(500, 500, 500, 200);
            assertThat(delivery.getList("attempts.responseBody", String.class))
                    .containsExactly("answer 500", "answer 500", "answer 500", "answer 200");
            assertThat(delivery.getList("attempts.durationMs", Long.class)).allSatisfy(ms -> assertThat(ms).isNotNegative());
            // Each wait at least half of the doubling step (100, 200, 400 ms): the backoff's jitter.
            assertThat(Duration.between(attempts.get(0).at(), attempts.get(3).at())).isGreaterThanOrEqualTo(Duration.ofMillis(350));
            assertThat(receiver.await(4)).hasSize(4);
            JsonPath endpoint = admin().get(Webhooks.ENDPOINTS + "/{id}", endpointId).then().statusCode(200).extract().jsonPath();
            assertThat(endpoint.getBoolean("enabled")).isTrue();
            assertThat(endpoint.getString("failingSince")).isNull();
        }
    }

    @Test
    void shouldWaitAsLongAsTheReceiversRetryAfterAsks() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(Answer.status(429).withHeader("Retry-After", "2"));
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of()).getString("id");
            admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202);

            List<Received> attempts = receiver.await(2);

            assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void shouldDisableAnEndpointAtOnceWhenItsReceiverAnswersGone() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(Answer.status(410));
            String agreementId = Fixtures.agreement();
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("clause.created"),
                    Map.of("agreementId", agreementId)).getString("id");
            Fixtures.clause(agreementId, "1", null);
            String deliveryId = receiver.await(1).get(0).webhookId();

            Webhooks.awaitStatus(this::admin, endpointId, deliveryId, "FAILED");
            JsonPath endpoint = admin().get(Webhooks.ENDPOINTS + "/{id}", endpointId).then().statusCode(200).extract().jsonPath();
            assertThat(endpoint.getBoolean("enabled")).isFalse();
            assertThat(endpoint.getString("disabledReason")).isEqualTo("GONE");
            assertThat(endpoint.getString("disabledAt")).isNotNull();

            // A disabled endpoint gets no new deliveries, and cannot be pinged until enabled again.
            Fixtures.clause(agreementId, "2", null);
            admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(409)
                    .body("code", equalTo("WEBHOOK_ENDPOINT_DISABLED"));
            assertThat(Webhooks.deliveries(admin(), endpointId)).hasSize(1);
            assertThat(receiver.received()).hasSize(1);

            receiver.otherwise(Answer.status(204));
            JsonPath enabled = admin().body(Map.of("enabled", true)).patch(Webhooks.ENDPOINTS + "/{id}", endpointId)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(enabled.getString("disabledReason")).isNull();
            Fixtures.clause(agreementId, "3", null);
            assertThat(receiver.await(2)).hasSize(2);
        }
    }

    @Test
    void shouldGiveUpAfterTheRetryWindowAndDisableAnEndpointThatKeepsFailing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.otherwise(Answer.status(500));
            String endpointId = Webhooks.create(admin(), receiver.url("/hooks"), List.of("*"), Map.of()).getString("id");
            Instant sent = Instant.now();
            String first = admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202)
                    .extract().path("id");
            Thread.sleep(1000);
            // A second delivery keeps the endpoint busy failing after the first has given up.
            admin().post(Webhooks.ENDPOINTS + "/{id}/ping", endpointId).then().statusCode(202);

            JsonPath failed = Webhooks.awaitStatus(this::admin, endpointId, first, "FAILED");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !admin()
                    .get(Webhooks.ENDPOINTS + "/{id}", endpointId).then().statusCode(200).extract().jsonPath().getBoolean("enabled"));

            assertThat(failed.getInt("attemptCount")).isGreaterThan(3);
            assertThat(failed.getString("nextAttemptAt")).isNull();
            assertThat(Instant.parse(failed.getString("completedAt"))).isAfterOrEqualTo(sent.plusSeconds(4));
            JsonPath endpoint = admin().get(Webhooks.ENDPOINTS + "/{id}", endpointId).then().statusCode(200).extract().jsonPath();
            assertThat(endpoint.getString("disabledReason")).isEqualTo("FAILING");
            assertThat(Duration.between(Instant.parse(endpoint.getString("failingSince")),
                    Instant.parse(endpoint.getString("disabledAt")))).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
        }
    }

    private RequestSpecification admin() {
        return as(Tokens.admin());
    }
}
