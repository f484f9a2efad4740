package dev.accords.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What the report's SQL promises that no request shows. */
@QuarkusTest
class OpenClauseQueriesTest extends ApiTest {

    @Inject
    OpenClauseQueries queries;
    @Inject
    EntityManager em;

    /**
     * The report counts open clauses in one of two ways: below {@link OpenClauseQueries#MAX_LISTED}
     * open clauses it tallies the list it read, past it a counting statement does. Nobody creates a
     * thousand clauses to see the second way, so this runs the counting statement on a small agreement
     * and holds it to what the report (which tallies) answers.
     */
    @Test
    void shouldCountInSqlExactlyWhatTheReportTallies() {
        String agreementId = Fixtures.agreement();
        clause(agreementId, "1", "security", "CRITICAL", "PROPOSED");
        String accepted = clause(agreementId, "2", "security", "HIGH", "UNDER_NEGOTIATION");
        clause(agreementId, "3", "reconstruction", "HIGH", "DEFERRED");
        Fixtures.clause(agreementId, Map.of("reference", "4", "title", "Without a topic", "status", "PROPOSED"));
        clause(agreementId, "5", "security", "LOW", "AGREED");
        Fixtures.position(agreementId, accepted, "UA", "ACCEPTS");

        Map<String, Map<String, Integer>> counted = QuarkusTransaction.requiringNew()
                .call(() -> queries.counts(em.unwrap(Session.class), UUID.fromString(agreementId)));
        Map<String, Object> report = api().get("/v1/agreements/" + agreementId + "/open-clauses").then().statusCode(200)
                .extract().path("counts");

        assertThat(counted.get("status")).containsExactlyInAnyOrderEntriesOf(
                Map.of("PROPOSED", 2, "UNDER_NEGOTIATION", 1, "DEFERRED", 1));
        assertThat(counted.get("topic")).isEqualTo(report.get("byTopic"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("security", 2, "reconstruction", 1));
        assertThat(counted.get("priority")).isEqualTo(report.get("byPriority"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("CRITICAL", 1, "HIGH", 2, "NORMAL", 1));
        assertThat(counted.get("party")).isEqualTo(report.get("byAwaitedParty"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("US", 4, "UA", 3));
    }

    @Test
    void shouldMakeTheReportTransactionOneReadOnlySnapshot() {
        Object[] settings = QuarkusTransaction.requiringNew().call(() -> {
            queries.readOneSnapshot(em.unwrap(Session.class));
            return (Object[]) em.createNativeQuery(
                    "select current_setting('transaction_isolation'), current_setting('transaction_read_only')")
                    .getSingleResult();
        });
        assertThat(settings).containsExactly("repeatable read", "on");
    }

    private static String clause(String agreementId, String reference, String topic, String priority, String status) {
        return Fixtures.clause(agreementId, Map.of("reference", reference, "title", "Clause " + reference,
                "topic", topic, "priority", priority, "status", status));
    }
}
