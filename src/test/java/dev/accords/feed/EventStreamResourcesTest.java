package dev.accords.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.EventStreamClient;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12, item 3: open streams cost no database connection, and a client that stops reading or
 * vanishes is let go instead of being buffered for without end.
 */
@QuarkusTest
class EventStreamResourcesTest extends ApiTest {

    @TestHTTPResource("/")
    URL service;
    @Inject
    EventStreams streams;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldHoldNoDatabaseConnectionWhileMoreStreamsThanConnectionsAreOpen() {
        int baseline = noStreamOpen();
        List<EventStreamClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                open.add(EventStreamClient.open(url("/v1/events/stream"), Tokens.bearer(Tokens.reader()), null));
            }
            awaitTrue(() -> streams.size() >= baseline + 20, "20 streams registered");

            // 20 streams, 8 pooled connections: reads and writes still go through, and no stream holds one.
            String agreementId = Fixtures.agreement();
            api().get("/v1/agreements/{id}", agreementId).then().statusCode(200);
            long idleSamples = 0;
            for (int i = 0; i < 5; i++) {
                idleSamples += dataSource.getMetrics().activeCount() == 0 ? 1 : 0;
            }
            assertThat(idleSamples).isPositive();
            assertThat(open).allSatisfy(stream -> assertThat(stream.nextEvent(EventStreamApiTest.WAIT).data())
                    .contains(agreementId));
        } finally {
            open.forEach(EventStreamClient::close);
        }
    }

    @Test
    void shouldLetGoOfClientsThatVanished() {
        int baseline = noStreamOpen();
        List<EventStreamClient> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            open.add(EventStreamClient.open(url("/v1/events/stream"), Tokens.bearer(Tokens.reader()), null));
        }
        awaitTrue(() -> streams.size() >= baseline + 10, "10 streams registered");

        open.forEach(EventStreamClient::close);

        awaitTrue(() -> streams.size() <= baseline, "the closed streams forgotten");
    }

    @Test
    void shouldCloseTheStreamOfAClientThatStopsReading() throws Exception {
        String agreementId = Fixtures.agreement();
        int baseline = noStreamOpen();
        try (Socket stalled = new Socket()) {
            // A client that sends its request and then never reads: what the server writes piles up
            // in the socket buffers, then in the server's own queue, which is where the limit bites.
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new java.net.InetSocketAddress(service.getHost(), service.getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /v1/agreements/" + agreementId + "/events/stream HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: " + Tokens.bearer(Tokens.reader()) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            awaitTrue(() -> streams.size() >= baseline + 1, "the stalled stream registered");

            insertLargeEvents(UUID.fromString(agreementId), 1500, 8 * 1024);

            awaitTrue(() -> streams.size() <= baseline, "the stalled stream closed by the server");
            // The service is still fine for everyone else.
            api().get("/v1/agreements/{id}", agreementId).then().statusCode(200);
        }
    }

    private void insertLargeEvents(UUID agreementId, int count, int bytes) throws SQLException {
        String changes = "{\"text\": \"" + "x".repeat(bytes) + "\"}";
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes)
                values (?, now(), 'stream-test', 'CLAUSE_UPDATED', 'CLAUSE', ?, cast(? as jsonb))""")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, agreementId);
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, changes);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Waits until the streams of earlier tests, closed by their clients, are forgotten: 0. */
    private int noStreamOpen() {
        awaitTrue(() -> streams.size() == 0, "the streams of earlier tests forgotten");
        return 0;
    }

    private String url(String path) {
        return service.toString().replaceAll("/$", "") + path;
    }

    /** Waits for a condition the server reaches on its own (at most 60 s); fails if it never does. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
