package dev.accords.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The example deal taken through the API from negotiation to IN_FORCE (issue 14): finalized, signed by
 * both presidents, notified by both parties today. For tests that need an agreement in force and are
 * not about how it got there.
 */
public final class InForce {

    private static final String AUTHORIZATION = Tokens.bearer(Tokens.negotiator());

    private InForce() {
    }

    private static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept("application/json, application/problem+json")
                .header("Authorization", AUTHORIZATION);
    }

    /** Creates the deal and brings it into force; returns its id. */
    public static String agreement() {
        String agreementId = signedAgreement();
        String path = "/v1/agreements/" + agreementId;
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String party : new String[] {"US", "UA"}) {
            json().body(Map.of("partyCode", party, "kind", "NOTIFICATION", "date", today, "body", "Ministry of Foreign Affairs",
                    "reference", "Note " + party + "-1")).post(path + "/instruments").then().statusCode(201);
        }
        json().get(path).then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("IN_FORCE"));
        return agreementId;
    }

    /** Creates the deal and has both presidents sign it: SIGNED, awaiting its instruments; returns its id. */
    public static String signedAgreement() {
        String agreementId = Fixtures.agreement();
        String path = "/v1/agreements/" + agreementId;
        String zelensky = json().body(Map.of("name", "Volodymyr Zelensky", "partyCode", "UA")).post(path + "/signatories")
                .then().statusCode(201).extract().path("id");
        String trump = json().body(Map.of("name", "Donald Trump", "partyCode", "US")).post(path + "/signatories")
                .then().statusCode(201).extract().path("id");
        Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
        json().post(path + "/signatories/" + zelensky + "/signature").then().statusCode(200);
        json().post(path + "/signatories/" + trump + "/signature").then().statusCode(200);
        return agreementId;
    }
}
