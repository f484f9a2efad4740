package dev.accords.redline;

import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import io.restassured.response.Response;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;

/** An agreement between US and UA with one clause, and the redline requests the tests send. */
abstract class RedlineApiBase extends ApiTest {

    static final String ORIGINAL = "The United States supports Ukraine's efforts to obtain assurances needed to establish lasting peace.";
    static final String PROPOSED = "The United States supports Ukraine's efforts to obtain security guarantees needed to establish lasting peace.";

    static final String US_NEGOTIATOR = Tokens.forParty("us-negotiator", "negotiator", "US");
    static final String UA_NEGOTIATOR = Tokens.forParty("ua-negotiator", "negotiator", "UA");

    String agreementId;
    String clauseId;

    /** A NEGOTIATING agreement with clause 8 at revision 1, its text {@link #ORIGINAL}. */
    void givenAClause() {
        agreementId = Fixtures.agreement();
        Map<String, Object> body = new HashMap<>();
        body.put("reference", "8");
        body.put("title", "Security guarantees");
        body.put("text", ORIGINAL);
        body.put("status", "UNDER_NEGOTIATION");
        clauseId = Fixtures.clause(agreementId, body);
    }

    String clausePath() {
        return "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
    }

    String proposals() {
        return clausePath() + "/proposals";
    }

    static Map<String, Object> proposal(String text, int basedOnRevision, String partyCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("basedOnRevision", basedOnRevision);
        if (partyCode != null) {
            body.put("partyCode", partyCode);
        }
        return body;
    }

    Response propose(String token, String text, int basedOnRevision, String partyCode) {
        return as(token).body(proposal(text, basedOnRevision, partyCode)).post(proposals());
    }

    /** Proposes as UA's negotiator and returns the proposal's id. */
    String proposed(String text, int basedOnRevision) {
        return propose(UA_NEGOTIATOR, text, basedOnRevision, "UA").then().statusCode(201).extract().path("id");
    }

    String clauseETag() {
        return api().get(clausePath()).then().statusCode(200).extract().header("ETag");
    }

    Response accept(String token, String proposalId, String ifMatch) {
        var request = as(token);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post(proposals() + "/" + proposalId + "/acceptance");
    }

    Response reject(String token, String proposalId, String reason) {
        return as(token).body(reason == null ? Map.of() : Map.of("reason", reason))
                .post(proposals() + "/" + proposalId + "/rejection");
    }

    Response withdraw(String token, String proposalId) {
        return as(token).body(Map.of()).post(proposals() + "/" + proposalId + "/withdrawal");
    }

    int currentRevision() {
        return api().get(clausePath() + "/revisions?limit=100").then().statusCode(200)
                .extract().path("items[-1].number");
    }

    void acceptedAs(String token, String proposalId) {
        accept(token, proposalId, clauseETag()).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }
}
