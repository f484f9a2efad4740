package dev.accords.ratification;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import io.restassured.response.Response;

/**
 * The example deal (docs/DOMAIN.md) taken to its signature, and the requests every ratification test
 * makes, on top of {@link ApiTest}.
 */
abstract class RatificationApiBase extends ApiTest {

    static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";

    /** Today as the service counts it: instrument dates and entry into force are UTC calendar dates. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A NEGOTIATING example deal with clause 1 agreed, and more fields of the create request. */
    static String agreement(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.putAll(extra);
        return api().body(body).post("/v1/agreements").then().statusCode(201).extract().path("id");
    }

    static String agreedClause(String agreementId) {
        return api().body(Map.of("reference", "1", "title", "Access to rare earth and critical minerals",
                        "topic", "natural-resources", "status", "AGREED"))
                .post("/v1/agreements/" + agreementId + "/clauses").then().statusCode(201).extract().path("id");
    }

    /** Both presidents sign the finalized deal: the second signature makes it SIGNED. */
    static void finalizeAndSign(String agreementId) {
        String zelensky = signatory(agreementId, "Volodymyr Zelensky", "President of Ukraine", "UA");
        String trump = signatory(agreementId, "Donald Trump", "President of the United States", "US");
        api().body(Map.of("status", "FINALIZED")).patch(agreement(agreementId)).then().statusCode(200);
        api().body(Map.of("signedPlace", "Washington, D.C.")).post(agreement(agreementId) + "/signatories/"
                + zelensky + "/signature").then().statusCode(200);
        api().post(agreement(agreementId) + "/signatories/" + trump + "/signature").then().statusCode(200);
        api().get(agreement(agreementId)).then().statusCode(200).body("status", equalTo("SIGNED"));
    }

    /** A SIGNED example deal, with the given fields on its create request. */
    static String signedAgreement(Map<String, Object> extra) {
        String agreementId = agreement(extra);
        finalizeAndSign(agreementId);
        return agreementId;
    }

    private static String signatory(String agreementId, String name, String role, String party) {
        return api().body(Map.of("name", name, "role", role, "partyCode", party))
                .post(agreement(agreementId) + "/signatories").then().statusCode(201).extract().path("id");
    }

    static String agreement(String agreementId) {
        return "/v1/agreements/" + agreementId;
    }

    static String instruments(String agreementId) {
        return agreement(agreementId) + "/instruments";
    }

    static String ratification(String agreementId) {
        return agreement(agreementId) + "/ratification";
    }

    static Map<String, Object> instrument(String party, String kind, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("partyCode", party);
        body.put("kind", kind);
        body.put("date", date.toString());
        body.put("body", party.equals("UA") ? "Verkhovna Rada of Ukraine" : "United States Senate");
        body.put("reference", party.equals("UA") ? "Law No. 4380-IX" : "Treaty Doc. 119-1");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    static Map<String, Object> declaration(String text, List<String> clauseIds) {
        return Map.of("kind", "DECLARATION", "text", text, "clauseIds", clauseIds);
    }

    static Response record(String agreementId, Map<String, Object> body) {
        return api().body(body).post(instruments(agreementId));
    }

    static String recorded(String agreementId, String party, String kind, LocalDate date) {
        return record(agreementId, instrument(party, kind, date)).then().statusCode(201).extract().path("id");
    }
}
