package dev.accords.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** What operators and their tools rely on: health, metrics, and request ids beyond the API. */
@QuarkusTest
class OperationsTest extends ApiTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final List<String> OPERATIONAL_PATHS = List.of("/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi");

    @Test
    void shouldReportLiveness() {
        given().get("/q/health/live").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("UP"));
    }

    @Test
    void shouldReportReadinessIncludingTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"));
    }

    @Test
    void shouldServePrometheusMetrics() {
        api().get("/v1/agreements").then().statusCode(200);
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE http_server_requests_seconds"))
                .extract().asString();
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/v1/agreements\"[^}]*} \\d");
        assertThat(metrics).contains("# TYPE jvm_memory_used_bytes gauge").contains("agroal_");
    }

    @Test
    void shouldAnswerWhatPrometheusAsksFor() {
        // The Accept header Prometheus 2.x sends when it scrapes.
        given().accept("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
                        + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
                .get("/q/metrics").then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE process_uptime_seconds gauge"));
    }

    @Test
    void shouldEchoTheClientsRequestIdOnOperationalEndpoints() {
        for (String path : OPERATIONAL_PATHS) {
            given().header("X-Request-Id", "ops-check-42").get(path)
                    .then().statusCode(200).header("X-Request-Id", "ops-check-42");
        }
    }

    @Test
    void shouldGenerateARequestIdOnOperationalEndpoints() {
        for (String path : OPERATIONAL_PATHS) {
            Response response = given().get(path);
            response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        }
        String first = given().get("/q/health/live").header("X-Request-Id");
        String second = given().get("/q/health/live").header("X-Request-Id");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldReplaceARequestIdThatIsNotSafeToLog() {
        given().header("X-Request-Id", "bad id\twith spaces and a tab").get("/q/health/live")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "x".repeat(129)).get("/q/metrics")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }
}
