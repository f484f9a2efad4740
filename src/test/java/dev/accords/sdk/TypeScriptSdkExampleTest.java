package dev.accords.sdk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.accords.support.Deal;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Runs the TypeScript SDK's example script (sdk/typescript/examples/open-clauses-report.ts, compiled
 * by the build with tsc in strict mode) with Node.js against the running test service, after setting
 * up the example deal of docs/DOMAIN.md: the script must read the open-clauses report through the SDK.
 */
@QuarkusTest
class TypeScriptSdkExampleTest {

    private static final Path SCRIPT = Path.of("sdk/typescript/dist/examples/open-clauses-report.js");

    @TestHTTPResource("/")
    URL service;

    @Test
    void shouldReadTheOpenClausesReportOfTheExampleDealThroughTheTypeScriptSdk() throws Exception {
        assertThat(SCRIPT).as("built by `./mvnw verify` (npm run build in sdk/typescript)").isRegularFile();
        String agreementId = exampleDeal();

        Result result = node(Tokens.reader(), SCRIPT.toString(), service.toString().replaceAll("/$", ""), agreementId);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.lines()).containsExactly(
                "US–Ukraine Natural Resources and Reconstruction Agreement | NEGOTIATING | not signable",
                "open 2 | blocking 1 | deferred 1",
                "clause 5 | DEFERRED | CRITICAL | not blocking | awaiting US | open 0 days | US security guarantees (backstop)",
                "clause 4 | UNDER_NEGOTIATION | HIGH | blocking | awaiting US | open 0 days | Contribution to Ukraine's security and peace");
    }

    @Test
    void shouldReportTheProblemCodeWhenTheServiceRefuses() throws Exception {
        String url = service.toString().replaceAll("/$", "");
        String unknown = "00000000-0000-4000-8000-000000000000";

        Result notFound = node(Tokens.reader(), SCRIPT.toString(), url, unknown);
        Result anonymous = node(null, SCRIPT.toString(), url, unknown);

        assertThat(notFound.exitCode()).isEqualTo(1);
        assertThat(notFound.output()).startsWith("404 AGREEMENT_NOT_FOUND: no agreement with id " + unknown);
        assertThat(anonymous.exitCode()).isEqualTo(1);
        assertThat(anonymous.output()).startsWith("401 UNAUTHENTICATED: ");
    }

    /** The example deal of docs/DOMAIN.md as it stood before clause 4 was resolved; returns the agreement's id. */
    private static String exampleDeal() {
        String agreementId = given().contentType(ContentType.JSON).header("Authorization", Tokens.bearer(Tokens.negotiator()))
                .body(Deal.agreement("US–Ukraine Natural Resources and Reconstruction Agreement"))
                .post("/v1/agreements").then().statusCode(201).extract().path("id");
        String minerals = Fixtures.clause(agreementId, Map.of("reference", "1",
                "title", "Access to rare earth and critical minerals", "topic", "natural-resources"));
        String fund = Fixtures.clause(agreementId, Map.of("reference", "2",
                "title", "Joint reconstruction investment fund", "topic", "reconstruction"));
        for (String clause : List.of(minerals, fund)) {
            Fixtures.position(agreementId, clause, "US", "ACCEPTS");
            Fixtures.position(agreementId, clause, "UA", "ACCEPTS");
            Fixtures.patchClause(agreementId, clause, Map.of("status", "AGREED"));
        }
        String demand = Fixtures.clause(agreementId, Map.of("reference", "3",
                "title", "$500 billion share of mineral resources as repayment for past aid",
                "topic", "natural-resources", "proposedBy", "US"));
        Fixtures.position(agreementId, demand, "UA", "REJECTS");
        Fixtures.patchClause(agreementId, demand, Map.of("status", "REJECTED", "statusReason", "Removed from the text"));
        String security = Fixtures.clause(agreementId, Map.of("reference", "4",
                "title", "Contribution to Ukraine's security and peace", "topic", "security",
                "status", "UNDER_NEGOTIATION", "priority", "HIGH"));
        Fixtures.position(agreementId, security, "UA", "ACCEPTS");
        String guarantees = Fixtures.clause(agreementId, Map.of("reference", "5",
                "title", "US security guarantees (backstop)", "topic", "security", "proposedBy", "UA",
                "priority", "CRITICAL", "status", "DEFERRED", "statusReason", "Left for future discussions"));
        Fixtures.position(agreementId, guarantees, "UA", "ACCEPTS");
        return agreementId;
    }

    /** Runs node with the bearer token in ACCORDS_TOKEN (none when null), as the script's README says. */
    private static Result node(String token, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ACCORDS_TOKEN");
        if (token != null) {
            builder.environment().put("ACCORDS_TOKEN", token);
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not finish within 60 seconds: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }
}
