package dev.accords.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;

/** Builds test data through the API (never behind its back), so every fixture obeys the rules. */
public final class Fixtures {

    private static final String AUTHORIZATION = Tokens.bearer(Tokens.negotiator());

    private Fixtures() {
    }

    private static io.restassured.specification.RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept("application/json, application/problem+json")
                .header("Authorization", AUTHORIZATION);
    }

    /** A NEGOTIATING agreement between US and UA; returns its id. */
    public static String agreement() {
        return json().body(Deal.agreement()).post("/v1/agreements").then().statusCode(201).extract().path("id");
    }

    public static String clause(String agreementId, String reference, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("reference", reference);
        body.put("title", "Clause " + reference);
        body.put("topic", "natural-resources");
        if (status != null) {
            body.put("status", status);
        }
        return clause(agreementId, body);
    }

    public static String clause(String agreementId, Map<String, Object> body) {
        return json().body(body).post("/v1/agreements/" + agreementId + "/clauses")
                .then().statusCode(201).extract().path("id");
    }

    public static void position(String agreementId, String clauseId, String party, String stance) {
        json().body(Map.of("stance", stance)).put("/v1/agreements/" + agreementId + "/clauses/" + clauseId
                + "/positions/" + party).then().statusCode(200);
    }

    public static void patchAgreement(String agreementId, Map<String, Object> patch) {
        json().body(patch).patch("/v1/agreements/" + agreementId).then().statusCode(200);
    }

    public static void patchClause(String agreementId, String clauseId, Map<String, Object> patch) {
        json().body(patch).patch("/v1/agreements/" + agreementId + "/clauses/" + clauseId).then().statusCode(200);
    }
}
