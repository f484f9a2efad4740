package dev.accords.signatory;

import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import io.restassured.response.Response;

/** The requests and bodies every signatory test uses, on top of {@link ApiTest}. */
abstract class SignatoryApiBase extends ApiTest {

    static final Map<String, Object> ZELENSKY = Map.of("name", "Volodymyr Zelensky", "role", "President of Ukraine",
            "partyCode", "UA");
    static final Map<String, Object> TRUMP = Map.of("name", "Donald Trump", "role", "President of the United States",
            "partyCode", "US");
    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

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
}
