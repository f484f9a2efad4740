package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import dev.accords.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 5, item 7: the lists and strings a response can carry stay within the bounds openapi.yaml
 * declares, also when the data or the client's input would make them grow. Every response here is
 * validated against the contract, whose maxItems/maxLength would fail the test on its own; the
 * assertions say what a client sees instead.
 */
@QuarkusTest
class LimitsApiTest extends ApiTest {

    @Test
    void shouldListAtMost1000OpenClausesWhileTotalsCountThemAll() {
        String agreementId = Fixtures.agreement();
        insertProposedClauses(agreementId, 1001);

        JsonPath report = api().get("/v1/agreements/" + agreementId + "/open-clauses")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getList("openClauses")).hasSize(1000);
        assertThat(report.getInt("totals.open")).isEqualTo(1001);
        assertThat(report.getInt("totals.blocking")).isEqualTo(1001);
        assertThat(report.getMap("counts.byPriority")).containsExactlyEntriesOf(Map.of("NORMAL", 1001));
        assertThat(report.getMap("counts.byAwaitedParty")).containsOnly(Map.entry("US", 1001), Map.entry("UA", 1001));
    }

    @Test
    void shouldListAtMost100BlockingClausesWhenRefusingToFinalize() {
        String agreementId = Fixtures.agreement();
        insertProposedClauses(agreementId, 101);

        JsonPath problem = api().contentType("application/merge-patch+json").body(Map.of("status", "FINALIZED"))
                .patch("/v1/agreements/" + agreementId).then().statusCode(409).extract().jsonPath();

        assertThat(problem.getString("code")).isEqualTo("AGREEMENT_HAS_BLOCKING_CLAUSES");
        assertThat(problem.getList("blockingClauses")).hasSize(100);
        assertThat(problem.getString("detail")).startsWith("101 clauses are still PROPOSED or UNDER_NEGOTIATION: ")
                .contains(" and 91 more;");
        assertThat(database.count("select count(*) from agreements where id = ?::uuid and status = 'NEGOTIATING'",
                agreementId)).isEqualTo(1);
    }

    @Test
    void shouldListAtMost100FieldErrorsAndCountThemAllInTheDetail() {
        List<Map<String, Object>> parties = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            parties.add(Map.of("code", "x" + i, "name", "Party " + i));
        }
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.put("parties", parties);
        long agreementsBefore = database.count("select count(*) from agreements");

        JsonPath problem = badClient().contentType("application/json").body(body).post("/v1/agreements")
                .then().statusCode(400).extract().jsonPath();

        assertThat(problem.getString("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.getList("errors")).hasSize(100);
        assertThat(problem.getString("detail")).isEqualTo("151 fields are invalid; errors lists the first 100");
        assertThat(database.count("select count(*) from agreements")).isEqualTo(agreementsBefore);
    }

    @Test
    void shouldCutAnEchoedUnknownFieldNameToTheDeclaredLengths() {
        String name = "\uD83C\uDDFA\uD83C\uDDE6".repeat(2000); // flags: surrogate pairs a cut must not split
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.put(name, true);

        JsonPath problem = badClient().contentType("application/json").body(body).post("/v1/agreements")
                .then().statusCode(400).extract().jsonPath();

        String field = problem.getString("errors[0].field");
        String detail = problem.getString("detail");
        assertThat(field.codePointCount(0, field.length())).isEqualTo(300);
        assertThat(field).startsWith("\uD83C\uDDFA\uD83C\uDDE6").endsWith("…");
        assertThat(detail.codePointCount(0, detail.length())).isEqualTo(2000);
        assertThat(field + detail).as("no half of a surrogate pair left by a cut")
                .matches(text -> text.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE));
    }

    @Test
    void shouldCutTheInstanceOfAProblemForAVeryLongPath() {
        String path = "/v1/agreements/" + "a".repeat(3000);

        JsonPath problem = badClient().get(path).then().statusCode(400).extract().jsonPath();

        // A URI reference holds no "…": the cut is marked with its escape.
        assertThat(problem.getString("instance")).hasSize(2048).startsWith("/v1/agreements/aaaa").endsWith("%E2%80%A6");
    }

    /** 1,001 clauses through the API would take most of a minute; what is tested here is the report. */
    private void insertProposedClauses(String agreementId, int count) {
        database.execute("""
                insert into clauses (id, agreement_id, reference, title, status, priority, open_since,
                                     created_at, updated_at, version, last_revision)
                select gen_random_uuid(), ?::uuid, 'L' || n, 'Limit clause ' || n, 'PROPOSED', 'NORMAL',
                       now() - n * interval '1 minute', now(), now(), 0, 0
                from generate_series(1, ?) as n""", agreementId, count);
        assertThat(database.count("select count(*) from clauses where agreement_id = ?::uuid", agreementId))
                .isEqualTo(count);
    }
}
