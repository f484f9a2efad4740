package dev.accords.devdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The example deal that dev mode loads is the one of docs/DOMAIN.md, and it is valid as the API sees it
 * (the response is checked against openapi.yaml). Tests leave seeding off; this loads it by hand.
 */
@QuarkusTest
class ExampleDealTest extends ApiTest {

    @Inject
    ExampleDeal exampleDeal;

    @Test
    void shouldLoadTheUsUkraineAgreementAsDomainDescribesIt() {
        UUID id = exampleDeal.load();
        String path = "/v1/agreements/" + id;
        api().get(path).then().statusCode(200)
                .body("title", equalTo("US–Ukraine Natural Resources and Reconstruction Agreement"))
                .body("status", equalTo("NEGOTIATING"))
                .body("parties.code", contains("US", "UA"))
                .body("parties.name", contains("United States", "Ukraine"))
                .body("tags", contains("natural-resources", "reconstruction", "security"))
                .body("plannedSigningDate", equalTo("2025-02-28"))
                .body("signingPlace", equalTo("Washington, D.C."));
        // The presidents were to sign together at the White House on a Friday.
        assertThat(LocalDate.parse(api().get(path).path("plannedSigningDate")).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        api().get(path + "/open-clauses").then().statusCode(200)
                .body("openClauses.reference", org.hamcrest.Matchers.contains("5", "4"))
                .body("openClauses[0].awaiting", org.hamcrest.Matchers.contains("US"))
                .body("openClauses[1].awaiting", org.hamcrest.Matchers.contains("US"))
                .body("totals.blocking", equalTo(1)).body("totals.deferred", equalTo(1));
        api().get(path + "/clauses").then().body("items.reference", org.hamcrest.Matchers.contains("1", "2", "3", "4", "5"))
                .body("items[2].status", equalTo("REJECTED"));
        api().get(path + "/signatories").then().body("items.name",
                org.hamcrest.Matchers.contains("Volodymyr Zelensky", "Donald Trump"));
        // Every fact cites the news report the deal comes from; none of it was confirmed at the time.
        api().get(path + "/clauses").then()
                .body("items.statusSource.url", org.hamcrest.Matchers.everyItem(equalTo(ExampleDeal.REPORT.url())))
                .body("items.statusSource.confidence", org.hamcrest.Matchers.everyItem(equalTo("REPORTED")))
                .body("items[3].positions.find { it.partyCode == 'UA' }.source.publisher",
                        equalTo("LIGA.net, citing the Financial Times"));
        api().get(path + "/open-clauses").then().body("openClauses.weakestConfidence",
                org.hamcrest.Matchers.contains("REPORTED", "REPORTED"));
        api().get(path + "/events").then().body("items.source.confidence",
                org.hamcrest.Matchers.everyItem(equalTo("REPORTED")));
        api().delete(path).then().statusCode(204);
    }
}
