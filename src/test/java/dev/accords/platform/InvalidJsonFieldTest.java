package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Well-formed JSON bodies with a bad field: a wrong type, an unknown or server-set field, a value out
 * of range or outside its enum. Each is refused as VALIDATION_FAILED naming the field, and changes nothing.
 */
@QuarkusTest
class InvalidJsonFieldTest extends BadInputApiTest {

    /** JSON values that are no scalar: arrays (empty, a date's parts, a valid value wrapped) and objects. */
    private static final List<Object> NOT_SCALARS = List.of(List.of(), List.of(2025, 2, 28), List.of("NEGOTIATING"),
            Map.of(), Map.of("value", "2025-02-28"));

    // --- Wrong types -----------------------------------------------------------------------------

    @Test
    void shouldRefuseNumberWhereStringIsExpected() {
        JsonPath problem = refusedField(AGREEMENTS, "title", with("title", 123));
        assertThat(problem.getString("errors[0].message")).contains("a string");
        refusedField(AGREEMENTS, "parties[1].name",
                with("parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", 804))));
        refusedField(AGREEMENTS, "tags[0]", with("tags", List.of(7)));
    }

    @Test
    void shouldRefuseStringWhereNumberIsExpected() {
        JsonPath problem = refused(400, "VALIDATION_FAILED", AGREEMENTS,
                r -> r.queryParam("limit", "twenty").get(AGREEMENTS));
        assertThat(problem.getString("errors[0].field")).isEqualTo("limit");
        refusedField(AGREEMENTS, "plannedSigningDate", with("plannedSigningDate", 20250228));
    }

    @Test
    void shouldRefuseOtherWrongTypes() {
        refusedField(AGREEMENTS, "title", with("title", true));
        refusedField(AGREEMENTS, "title", with("title", Map.of("en", "Agreement")));
        refusedField(AGREEMENTS, "parties", with("parties", "US,UA"));
        refusedField(AGREEMENTS, "parties[0]", with("parties", List.of("US", "UA")));
        refusedField(AGREEMENTS, "tags", with("tags", "security"));
        refusedField(AGREEMENTS, "plannedSigningDate", with("plannedSigningDate", "2025-02-30"));
        refusedField(AGREEMENTS, "plannedSigningDate", with("plannedSigningDate", "28/02/2025"));
    }

    /**
     * Every scalar field takes only its own JSON type. Before, a date took arrays: plannedSigningDate
     * [] created an agreement with no date (and in a patch removed it), [2025,2,28] read as a date.
     */
    @Test
    void shouldRefuseAnArrayOrAnObjectForEveryScalarFieldOfAnAgreement() {
        String agreement = existingAgreement();
        for (Object notAScalar : NOT_SCALARS) {
            for (String field : List.of("title", "summary", "status", "plannedSigningDate", "signingPlace")) {
                refusedField(AGREEMENTS, field, with(field, notAScalar));
                refusedField(agreement, field, r -> r.contentType("application/merge-patch+json")
                        .body(Collections.singletonMap(field, notAScalar)).patch(agreement));
            }
            refusedField(AGREEMENTS, "tags[0]", with("tags", List.of(notAScalar)));
            refusedField(AGREEMENTS, "parties[1].code", with("parties", List.of(Map.of("code", "US", "name", "United States"),
                    Map.of("code", notAScalar, "name", "Ukraine"))));
        }
    }

    /** The other scalar types of the API: a clause's priority, a signatory's signing order, a stance. */
    @Test
    void shouldRefuseAnArrayOrAnObjectForTheScalarsOfClausesSignatoriesAndPositions() {
        String agreement = existingAgreement();
        String clauses = agreement + "/clauses";
        String clause = api().body(Map.of("reference", "1", "title", "Critical minerals")).post(clauses)
                .then().statusCode(201).extract().header("Location").replaceFirst("^https?://[^/]+", "");
        String signatories = agreement + "/signatories";
        for (Object notAScalar : NOT_SCALARS) {
            refusedField(clauses, "priority", r -> r.contentType("application/json")
                    .body(Map.of("reference", "2", "title", "Fund", "priority", notAScalar)).post(clauses));
            refusedField(signatories, "signingOrder", r -> r.contentType("application/json")
                    .body(Map.of("name", "Volodymyr Zelensky", "partyCode", "UA", "signingOrder", notAScalar)).post(signatories));
            refusedField(clause + "/positions/UA", "stance", r -> r.contentType("application/json")
                    .body(Map.of("stance", notAScalar)).put(clause + "/positions/UA"));
        }
    }

    // --- Unknown fields --------------------------------------------------------------------------

    @Test
    void shouldRefuseUnknownFieldAndNameIt() {
        JsonPath problem = refusedField(AGREEMENTS, "colour", with("colour", "blue"));
        assertThat(problem.getString("errors[0].message"))
                .contains("parties, plannedSigningDate, signingPlace, source, status, summary, tags, title");
        assertThat(problem.getString("detail")).contains("colour");
    }

    @Test
    void shouldRefuseUnknownNestedField() {
        refusedField(AGREEMENTS, "parties[0].flag", with("parties",
                List.of(Map.of("code", "US", "name", "United States", "flag", "🇺🇸"), Map.of("code", "UA", "name", "Ukraine"))));
    }

    @Test
    void shouldRefuseServerSetFieldsEchoedBack() {
        refusedField(AGREEMENTS, "id", with("id", UNKNOWN_ID));
        String path = existingAgreement();
        JsonPath problem = refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body(Map.of("version", 0)).patch(path));
        assertThat(problem.getString("errors[0].field")).isEqualTo("version");
    }

    // --- Out-of-range values ---------------------------------------------------------------------

    @Test
    void shouldRefuseTooLongTitle() {
        refusedField(AGREEMENTS, "title", with("title", "x".repeat(201)));
        String path = existingAgreement();
        refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body(Map.of("title", "x".repeat(201))).patch(path));
    }

    @Test
    void shouldRefuseBlankTitle() {
        refusedField(AGREEMENTS, "title", with("title", ""));
        refusedField(AGREEMENTS, "title", with("title", "   "));
    }

    @Test
    void shouldRefuseTooManyAndTooFewParties() {
        List<Map<String, String>> many = IntStream.range(0, 21)
                .mapToObj(i -> Map.of("code", "P" + i, "name", "Party " + i)).toList();
        refusedField(AGREEMENTS, "parties", with("parties", many));
        refusedField(AGREEMENTS, "parties", with("parties", List.of(Map.of("code", "US", "name", "United States"))));
    }

    @Test
    void shouldRefuseOutOfRangePartyCodesAndNames() {
        refusedField(AGREEMENTS, "parties[0].code", with("parties",
                List.of(Map.of("code", "UNITEDSTATES", "name", "United States"), Map.of("code", "UA", "name", "Ukraine"))));
        refusedField(AGREEMENTS, "parties[0].code", with("parties",
                List.of(Map.of("code", "U", "name", "United States"), Map.of("code", "UA", "name", "Ukraine"))));
        refusedField(AGREEMENTS, "parties[1].name", with("parties",
                List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "U".repeat(201)))));
    }

    @Test
    void shouldRefuseTooManyOrTooLongTags() {
        refusedField(AGREEMENTS, "tags", with("tags", IntStream.range(0, 21).mapToObj(i -> "tag-" + i).toList()));
        refusedField(AGREEMENTS, "tags[0]", with("tags", List.of("a".repeat(41))));
    }

    @Test
    void shouldRefuseTooLongSummaryAndSigningPlace() {
        refusedField(AGREEMENTS, "summary", with("summary", "s".repeat(4001)));
        refusedField(AGREEMENTS, "signingPlace", with("signingPlace", "p".repeat(201)));
    }

    // --- Unknown enum values ---------------------------------------------------------------------

    @Test
    void shouldRefuseUnknownStatusAndListTheAllowedOnes() {
        JsonPath problem = refusedField(AGREEMENTS, "status", with("status", "OPEN"));
        assertThat(problem.getString("errors[0].message")).contains("DRAFT, NEGOTIATING, FINALIZED, SIGNED, IN_FORCE, WITHDRAWN");
        String path = existingAgreement();
        problem = refused(400, "VALIDATION_FAILED", path,
                r -> r.contentType("application/merge-patch+json").body(Map.of("status", "finalized")).patch(path));
        assertThat(problem.getString("errors[0].message")).contains("DRAFT, NEGOTIATING, FINALIZED, SIGNED, IN_FORCE, WITHDRAWN");
    }
}
