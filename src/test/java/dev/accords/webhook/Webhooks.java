package dev.accords.webhook;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import dev.accords.support.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** What the webhook tests do through the API as an admin. Contract checks are the caller's (ApiTest's filter). */
final class Webhooks {

    static final String ENDPOINTS = "/v1/webhook-endpoints";
    private static final String ADMIN = Tokens.bearer(Tokens.admin());

    private Webhooks() {
    }

    /** An endpoint created through {@code spec} (an ApiTest request with the admin's token). */
    static JsonPath create(RequestSpecification spec, String url, List<String> types, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("url", url);
        body.put("types", types);
        return spec.body(body).post(ENDPOINTS).then().statusCode(201).extract().jsonPath();
    }

    /** The deliveries of an endpoint, newest first (first page of 100). */
    static List<Map<String, Object>> deliveries(RequestSpecification spec, String endpointId) {
        return spec.queryParam("limit", 100).get(ENDPOINTS + "/{id}/deliveries", endpointId).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    static JsonPath delivery(RequestSpecification spec, String endpointId, String deliveryId) {
        return spec.get(ENDPOINTS + "/{id}/deliveries/{deliveryId}", endpointId, deliveryId).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Waits until the delivery reaches the status (at most 30 s) and returns it. */
    static JsonPath awaitStatus(java.util.function.Supplier<RequestSpecification> spec, String endpointId, String deliveryId,
                                String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(delivery(spec.get(), endpointId, deliveryId).getString("status")));
        return delivery(spec.get(), endpointId, deliveryId);
    }

    /** Removes every endpoint (and so every delivery), so no test's endpoints follow another test's changes. */
    static void deleteAll() {
        while (true) {
            List<String> ids = admin().get(ENDPOINTS + "?limit=100").then().statusCode(200).extract().jsonPath()
                    .getList("items.id");
            if (ids.isEmpty()) {
                return;
            }
            ids.forEach(id -> admin().delete(ENDPOINTS + "/{id}", id).then().statusCode(204));
        }
    }

    /** A request as the admin without contract checks, for set-up and clean-up only. */
    private static RequestSpecification admin() {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
