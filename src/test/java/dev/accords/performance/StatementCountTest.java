package dev.accords.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import dev.accords.support.InForce;
import io.quarkus.test.junit.QuarkusTest;

/**
 * No N+1 (issue 6): every list and report issues as many SQL statements for 100 items as for 1.
 *
 * <p>Counts come from Hibernate's statistics ({@code %test.quarkus.hibernate-orm.statistics=true}):
 * {@link Statistics#getPrepareStatementCount()} counts every JDBC statement Hibernate prepares,
 * HQL, lazy loads, batch fetches and native SQL alike. Each measured request goes through
 * {@link #api()}, so its response is also checked against openapi.yaml. Fixtures are built through
 * the API. No timing is asserted anywhere: counts only.
 */
@QuarkusTest
class StatementCountTest extends ApiTest {

    /** Where the counts are written for bench/RESULTS.md (the build's own folder). */
    private static final Path REPORT = Path.of("target", "statement-counts.txt");

    @Inject
    SessionFactory sessionFactory;

    @BeforeAll
    static void freshReport() throws IOException {
        Files.deleteIfExists(REPORT);
    }

    @BeforeEach
    void statisticsAreOn() {
        assertThat(sessionFactory.getStatistics().isStatisticsEnabled())
                .as("%test.quarkus.hibernate-orm.statistics=true in application.properties").isTrue();
    }

    @Test
    void listAgreementsDoesNotGrowWithThePage() {
        String one = Deal.uniqueTag();
        String hundred = Deal.uniqueTag();
        createAgreement(one);
        for (int i = 0; i < 100; i++) {
            createAgreement(hundred);
        }
        long forOne = statements("list agreements, 1 item", () -> api().queryParam("tag", one).queryParam("limit", 100)
                .get("/v1/agreements").then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("list agreements, 100 items", () -> api().queryParam("tag", hundred)
                .queryParam("limit", 100).get("/v1/agreements").then().statusCode(200).body("items", hasSize(100)));
        assertNoGrowth("list agreements", forOne, forHundred);
    }

    @Test
    void listAgreementsPageWithMoreBehindItDoesNotGrow() {
        // limit + 1 rows are read to know whether a next page exists: the extra row must not cost a query.
        String tag = Deal.uniqueTag();
        for (int i = 0; i < 101; i++) {
            createAgreement(tag);
        }
        long firstPage = statements("list agreements, 1 of 101", () -> api().queryParam("tag", tag).queryParam("limit", 1)
                .get("/v1/agreements").then().statusCode(200).body("items", hasSize(1)));
        long fullPage = statements("list agreements, 100 of 101", () -> api().queryParam("tag", tag)
                .queryParam("limit", 100).get("/v1/agreements").then().statusCode(200).body("items", hasSize(100)));
        assertNoGrowth("list agreements with a next page", firstPage, fullPage);
    }

    @Test
    void listClausesDoesNotGrowWithThePage() {
        String one = agreement();
        String hundred = agreement();
        createClauses(one, 1, "PROPOSED");
        createClauses(hundred, 100, "PROPOSED");
        // Positions are a lazy collection of every clause: give each clause of the big page one.
        String someClause = api().get("/v1/agreements/" + one + "/clauses").then().extract().path("items[0].id");
        position(one, someClause, "UA", "RESERVES");
        List<String> ids = api().queryParam("limit", 100).get("/v1/agreements/" + hundred + "/clauses")
                .then().statusCode(200).extract().path("items.id");
        for (String id : ids) {
            position(hundred, id, "UA", "RESERVES");
        }
        long forOne = statements("list clauses, 1 item", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + one + "/clauses").then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("list clauses, 100 items", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + hundred + "/clauses").then().statusCode(200).body("items", hasSize(100)));
        long filtered = statements("list clauses by status, 100 items", () -> api().queryParam("limit", 100)
                .queryParam("status", "PROPOSED").get("/v1/agreements/" + hundred + "/clauses")
                .then().statusCode(200).body("items", hasSize(100)));
        assertNoGrowth("list clauses", forOne, forHundred);
        assertNoGrowth("list clauses filtered by status", forOne, filtered);
    }

    /** Single-statement reads run without a transaction (issue 10): exactly the SELECT reaches PostgreSQL. */
    @Test
    void shouldReadAnAgreementAClauseAndAClausePageInOneStatementEach() {
        String agreement = agreement();
        List<String> clauses = createClauses(agreement, 3, "PROPOSED");
        position(agreement, clauses.get(0), "UA", "RESERVES");
        long byId = statements("get agreement", () -> api().get("/v1/agreements/" + agreement)
                .then().statusCode(200).body("parties", hasSize(2)));
        long clause = statements("get clause", () -> api().get("/v1/agreements/" + agreement + "/clauses/" + clauses.get(0))
                .then().statusCode(200).body("positions", hasSize(2)));
        long page = statements("list open clauses", () -> api().queryParam("open", true).queryParam("limit", 2)
                .get("/v1/agreements/" + agreement + "/clauses").then().statusCode(200).body("items", hasSize(2)));
        assertThat(List.of(byId, clause, page)).as("statements for GET agreement, GET clause, an open clause page")
                .containsExactly(1L, 1L, 1L);
    }

    /**
     * A clause write sends what it must store and the one read its rules need (issue 10, item 5): the
     * agreement with its parties (row lock shared), the clause with its positions (row locked) for a
     * patch, then the clause, its revision and its event (and a position, for a position change). A
     * taken reference is left to the unique index, and the revision number rides on the clause row
     * instead of a max() query.
     */
    @Test
    void shouldWriteAClauseWithOnlyTheStatementsItNeeds() {
        String agreement = agreement();
        createClause(agreement, "warm-up", "PROPOSED");
        long create = statementsOnce("create clause", () -> createClause(agreement, "counted", "PROPOSED"));
        String clause = createClause(agreement, "patched", "PROPOSED");
        long patch = statementsOnce("patch clause text and status", () -> api().contentType("application/merge-patch+json")
                .body(Map.of("text", "Revised text", "status", "UNDER_NEGOTIATION"))
                .patch("/v1/agreements/" + agreement + "/clauses/" + clause).then().statusCode(200)
                .body("status", equalTo("UNDER_NEGOTIATION")));
        long position = statementsOnce("put position", () -> position(agreement, clause, "UA", "RESERVES"));
        assertThat(List.of(create, patch, position)).as("statements for a clause create, a clause patch, a position")
                .containsExactly(4L, 5L, 6L);
        List<Integer> numbers = api().get("/v1/agreements/" + agreement + "/clauses/" + clause + "/revisions")
                .then().statusCode(200).extract().path("items.number");
        assertThat(numbers).as("revision numbers carried on the clause row").containsExactly(1, 2, 3);
    }

    @Test
    void listSignatoriesDoesNotGrowWithThePage() {
        String one = agreement();
        String hundred = agreement();
        createSignatories(one, 1);
        createSignatories(hundred, 100);
        long forOne = statements("list signatories, 1 item", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + one + "/signatories").then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("list signatories, 100 items", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + hundred + "/signatories").then().statusCode(200).body("items", hasSize(100)));
        assertNoGrowth("list signatories", forOne, forHundred);
    }

    /** Issue 14: the instruments of a signed agreement, and its ratification table (one statement, no transaction). */
    @Test
    void listInstrumentsAndTheRatificationTableDoNotGrowWithTheInstruments() {
        String one = InForce.signedAgreement();
        String hundred = InForce.signedAgreement();
        createInstruments(one, 1);
        createInstruments(hundred, 100);
        long forOne = statements("list instruments, 1 item", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + one + "/instruments").then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("list instruments, 100 items", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + hundred + "/instruments").then().statusCode(200).body("items", hasSize(100)));
        long tableForOne = statements("ratification table, 1 instrument", () -> api()
                .get("/v1/agreements/" + one + "/ratification").then().statusCode(200).body("parties", hasSize(2)));
        long tableForHundred = statements("ratification table, 100 instruments", () -> api()
                .get("/v1/agreements/" + hundred + "/ratification").then().statusCode(200)
                .body("parties.instrumentCount", org.hamcrest.Matchers.contains(50, 50)));
        assertNoGrowth("list instruments", forOne, forHundred);
        assertThat(tableForOne).as("the ratification table is one native statement, read without a transaction")
                .isEqualTo(1);
        assertNoGrowth("ratification table", tableForOne, tableForHundred);
    }

    @Test
    void listRevisionsDoesNotGrowWithThePage() {
        String agreementId = agreement();
        String one = createClauses(agreementId, 1, "PROPOSED").get(0);
        String hundred = createClause(agreementId, "r-100", "PROPOSED");
        for (int i = 2; i <= 100; i++) {
            api().contentType("application/merge-patch+json").body(Map.of("title", "Revised title " + i))
                    .patch("/v1/agreements/" + agreementId + "/clauses/" + hundred).then().statusCode(200);
        }
        long forOne = statements("list revisions, 1 item", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + agreementId + "/clauses/" + one + "/revisions")
                .then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("list revisions, 100 items", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + agreementId + "/clauses/" + hundred + "/revisions")
                .then().statusCode(200).body("items", hasSize(100)));
        assertNoGrowth("list revisions", forOne, forHundred);
    }

    @Test
    void listProposalsAndCompareReadInOneStatementEach() {
        String agreementId = agreement();
        String one = createClause(agreementId, Map.of("reference", "p-1", "title", "One proposal", "text", "A text."));
        String hundred = createClause(agreementId, Map.of("reference", "p-100", "title", "A hundred", "text", "A text."));
        String proposal = null;
        for (int i = 1; i <= 100; i++) {
            String id = api().body(Map.of("text", "Text number " + i + ".", "basedOnRevision", 1, "partyCode", "UA"))
                    .post("/v1/agreements/" + agreementId + "/clauses/" + (i == 1 ? one : hundred) + "/proposals")
                    .then().statusCode(201).extract().path("id");
            proposal = i == 1 ? id : proposal;
        }
        String clauseOne = "/v1/agreements/" + agreementId + "/clauses/" + one;
        long forOne = statements("list proposals, 1 item", () -> api().queryParam("limit", 100)
                .get(clauseOne + "/proposals").then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("list proposals, 99 items", () -> api().queryParam("limit", 100)
                .get("/v1/agreements/" + agreementId + "/clauses/" + hundred + "/proposals")
                .then().statusCode(200).body("items", hasSize(99)));
        String proposalId = proposal;
        long byId = statements("get proposal", () -> api().get(clauseOne + "/proposals/" + proposalId)
                .then().statusCode(200));
        long compare = statements("compare revision 1 with a proposal", () -> api().queryParam("from", 1)
                .queryParam("to", proposalId).get(clauseOne + "/compare").then().statusCode(200));
        assertThat(List.of(forOne, byId, compare)).as("statements for a proposal page, a proposal, a comparison")
                .containsExactly(1L, 1L, 1L);
        assertNoGrowth("list proposals", forOne, forHundred);
    }

    @Test
    void agreementReportDoesNotGrowWithOpenClauses() {
        String one = agreement();
        String hundred = agreement();
        createClauses(one, 1, "UNDER_NEGOTIATION");
        createClauses(hundred, 100, "UNDER_NEGOTIATION");
        long forOne = statements("per-agreement open-clauses report, 1 open clause", () -> api()
                .get("/v1/agreements/" + one + "/open-clauses").then().statusCode(200).body("openClauses", hasSize(1)));
        long forHundred = statements("per-agreement open-clauses report, 100 open clauses", () -> api()
                .get("/v1/agreements/" + hundred + "/open-clauses").then().statusCode(200)
                .body("openClauses", hasSize(100)));
        assertThat(forOne).as("a report whose list holds every open clause is one native statement, read "
                + "without a transaction, and it must be counted").isEqualTo(1);
        assertNoGrowth("per-agreement open-clauses report", forOne, forHundred);
    }

    /** The two numbers the lead asked for: a report on 5 clauses and on 500 (a third of them open). */
    @Test
    void agreementReportOnFiveAndFiveHundredClauses() {
        String five = agreement();
        String fiveHundred = agreement();
        createMixedClauses(five, 5);
        createMixedClauses(fiveHundred, 500);
        long forFive = statements("per-agreement open-clauses report, 5 clauses", () -> api()
                .get("/v1/agreements/" + five + "/open-clauses").then().statusCode(200));
        long forFiveHundred = statements("per-agreement open-clauses report, 500 clauses", () -> api()
                .get("/v1/agreements/" + fiveHundred + "/open-clauses").then().statusCode(200));
        assertNoGrowth("per-agreement open-clauses report, 5 vs 500 clauses", forFive, forFiveHundred);
    }

    @Test
    void globalReportDoesNotGrowWithThePage() {
        String one = Deal.uniqueTag();
        String hundred = Deal.uniqueTag();
        String agreementId = agreement();
        createClause(agreementId, Map.of("reference", "g-1", "title", "Clause g-1", "topic", one,
                "status", "UNDER_NEGOTIATION"));
        for (int i = 0; i < 100; i++) {
            createClause(agreementId, Map.of("reference", "g-" + hundred.substring(2) + "-" + i, "title", "Clause " + i,
                    "topic", hundred, "status", "PROPOSED"));
        }
        long forOne = statements("global open-clauses report, 1 item", () -> api().queryParam("topic", one)
                .queryParam("limit", 100).get("/v1/open-clauses").then().statusCode(200).body("items", hasSize(1)));
        long forHundred = statements("global open-clauses report, 100 items", () -> api().queryParam("topic", hundred)
                .queryParam("limit", 100).get("/v1/open-clauses").then().statusCode(200).body("items", hasSize(100)));
        long withParty = statements("global open-clauses report with party, 100 items", () -> api()
                .queryParam("topic", hundred).queryParam("party", "US").queryParam("limit", 100)
                .get("/v1/open-clauses").then().statusCode(200).body("items", hasSize(100)));
        assertNoGrowth("global open-clauses report", forOne, forHundred);
        assertNoGrowth("global open-clauses report with a party filter", forOne, withParty);
    }

    // --- counting ---------------------------------------------------------------------------------

    /** Runs one request and returns how many SQL statements the service prepared for it. */
    private long statements(String label, Runnable request) {
        request.run(); // once to warm up: lazy one-time work (e.g. first use of a query) is not the point
        return statementsOnce(label, request);
    }

    /** Runs one request that cannot be repeated (a write) and returns how many statements it prepared. */
    private long statementsOnce(String label, Runnable request) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        long count = statistics.getPrepareStatementCount();
        record(label + ": " + count + " statements");
        return count;
    }

    private static void assertNoGrowth(String what, long small, long large) {
        assertThat(large).as("%s issues %d statements for the large page but %d for the small one: an N+1",
                what, large, small).isLessThanOrEqualTo(small);
    }

    private static void record(String line) {
        System.out.println("[statement-count] " + line);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- fixtures, through the API ----------------------------------------------------------------

    private static String agreement() {
        return createAgreement(Deal.uniqueTag());
    }

    private static String createAgreement(String tag) {
        Map<String, Object> body = new HashMap<>(Deal.agreement());
        body.put("tags", List.of(tag));
        return api().body(body).post("/v1/agreements").then().statusCode(201).extract().path("id");
    }

    private static List<String> createClauses(String agreementId, int count, String status) {
        return java.util.stream.IntStream.rangeClosed(1, count)
                .mapToObj(i -> createClause(agreementId, "c-" + i, status)).toList();
    }

    /** A third open (PROPOSED, UNDER_NEGOTIATION, DEFERRED), the rest settled, as in bench/. */
    private static void createMixedClauses(String agreementId, int count) {
        String[] statuses = {"PROPOSED", "AGREED", "REJECTED", "UNDER_NEGOTIATION", "AGREED", "WITHDRAWN", "DEFERRED",
                "AGREED", "AGREED"};
        for (int i = 1; i <= count; i++) {
            createClause(agreementId, "m-" + i, statuses[i % statuses.length]);
        }
    }

    private static String createClause(String agreementId, String reference, String status) {
        return createClause(agreementId, Map.of("reference", reference, "title", "Clause " + reference,
                "topic", "natural-resources", "priority", "HIGH", "status", status));
    }

    private static String createClause(String agreementId, Map<String, Object> body) {
        return api().body(body).post("/v1/agreements/" + agreementId + "/clauses").then().statusCode(201)
                .extract().path("id");
    }

    private static void position(String agreementId, String clauseId, String party, String stance) {
        api().body(Map.of("stance", stance)).put("/v1/agreements/" + agreementId + "/clauses/" + clauseId
                + "/positions/" + party).then().statusCode(200);
    }

    /** Ratifications of a signed deal, alternately by each party (never a second notification). */
    private static void createInstruments(String agreementId, int count) {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        for (int i = 1; i <= count; i++) {
            api().body(Map.of("partyCode", i % 2 == 0 ? "US" : "UA", "kind", "RATIFICATION", "date", today,
                            "body", "Parliament", "reference", "Act " + i))
                    .post("/v1/agreements/" + agreementId + "/instruments").then().statusCode(201);
        }
    }

    private static void createSignatories(String agreementId, int count) {
        for (int i = 1; i <= count; i++) {
            api().body(Map.of("name", "Signatory " + i, "role", "Delegate", "partyCode", i % 2 == 0 ? "US" : "UA"))
                    .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201);
        }
    }
}
