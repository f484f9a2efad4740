package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.accords.agreement.AgreementPage;
import dev.accords.agreement.AgreementQuery;
import dev.accords.agreement.AgreementService;
import dev.accords.support.ApiTest;
import dev.accords.support.LogCapture;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A line logged while a request is handled names that request, through {@code %X{requestId}} in
 * the log format, so an operator can go from a client's X-Request-Id to the server's log. The line
 * observed is the ERROR the ProblemMapper writes for a 500, forced by a service that fails.
 */
@QuarkusTest
class RequestIdLoggingTest extends ApiTest {

    /** The MDC part of the console format in application.properties. */
    private static final PatternFormatter REQUEST_ID = new PatternFormatter("%X{requestId}");
    private static final PatternFormatter MESSAGE = new PatternFormatter("%s");

    private LogCapture<String[]> unhandled;

    @BeforeEach
    void failEveryListing() {
        QuarkusMock.installMockForType(new AgreementService() {
            @Override
            public AgreementPage list(AgreementQuery query) {
                throw new IllegalStateException("simulated failure");
            }
        }, AgreementService.class);
        // Formatted as the record is published: the MDC is read from the context of the thread that logs.
        unhandled = LogCapture.start(record -> {
            String message = MESSAGE.format(record);
            return message.startsWith("Unhandled failure on /v1/agreements")
                    ? new String[]{message, REQUEST_ID.format(record)} : null;
        });
    }

    @AfterEach
    void stopCapturing() {
        unhandled.close();
    }

    @Test
    void shouldLogTheClientsRequestIdWithA500() {
        String first = "log-" + UUID.randomUUID();
        String second = "log-" + UUID.randomUUID();
        badClient().header("X-Request-Id", first).get("/v1/agreements").then().statusCode(500);
        badClient().header("X-Request-Id", second).get("/v1/agreements").then().statusCode(500);
        assertThat(unhandled.lines()).extracting(line -> line[1]).containsExactly(first, second);
    }

    @Test
    void shouldLogTheRequestIdTheServerChoseWhenTheClientSentNone() {
        String chosen = badClient().get("/v1/agreements").then().statusCode(500).extract().header("X-Request-Id");
        assertThat(chosen).isNotBlank();
        assertThat(unhandled.lines()).extracting(line -> line[1]).containsExactly(chosen);
    }
}
