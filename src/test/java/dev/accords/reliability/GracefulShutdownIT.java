package dev.accords.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.accords.reliability.HttpProbe.Outcome;

/**
 * Issue 5, item 7: SIGTERM lets in-flight requests finish. A few PATCHes are held in flight by a
 * row lock the test takes in PostgreSQL, so they are certainly running when the signal comes; the
 * lock is let go two seconds after SIGTERM. Meanwhile eight clients keep creating clauses until the
 * process has exited. Every request must either complete with a 2xx whose write is in the database,
 * or be refused without being processed (a 503 problem with Retry-After once SIGTERM has come, or a
 * connection refused or closed before any answer) with nothing written.
 */
class GracefulShutdownIT {

    static final int HELD = 4;
    static final int CLIENTS = 8;
    static final Duration HELD_AFTER_SIGTERM = Duration.ofSeconds(2);
    /** quarkus.shutdown.timeout. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    static FaultyPostgres database;
    static AccordsInstance service;

    @BeforeAll
    static void start() {
        database = new FaultyPostgres("graceful-shutdown");
        database.start();
        service = AccordsInstance.start("graceful-shutdown", database);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    record Write(String reference, Outcome outcome) {
    }

    @Test
    void shouldFinishInFlightRequestsWhenTerminated() throws Exception {
        String authorization = Harness.negotiator();
        HttpProbe http = new HttpProbe(service.baseUrl());
        List<String> held = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        for (int i = 0; i < HELD + CLIENTS; i++) {
            Outcome created = http.post("/v1/agreements", agreement(i), Map.of("Authorization", authorization));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            (i < HELD ? held : loaded).add(created.text("id"));
        }

        List<Outcome> heldOutcomes = Collections.synchronizedList(new ArrayList<>());
        List<Write> writes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(HELD + CLIENTS);
        long sigterm;
        long released;
        long exited;
        int exitCode;
        List<Future<?>> tasks = new ArrayList<>();
        try (Connection lock = database.connect()) {
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                tasks.add(pool.submit(() -> createUntilStopped(id, loaded.get(id), authorization, running, writes)));
            }
            awaitAcknowledged(writes, 2 * CLIENTS);
            // Held only for a few seconds: the server's statement_timeout (10 s) would cancel the PATCHes.
            lock.setAutoCommit(false);
            try (PreparedStatement forUpdate = lock.prepareStatement(
                    "select id from agreements where id = any(?::uuid[]) for update")) {
                forUpdate.setArray(1, lock.createArrayOf("varchar", held.toArray()));
                forUpdate.executeQuery().close();
            }
            for (String agreementId : held) {
                tasks.add(pool.submit(() -> heldOutcomes.add(new HttpProbe(service.baseUrl()).patch(
                        "/v1/agreements/" + agreementId, Map.of("summary", "Changed while the instance shut down"),
                        Map.of("Authorization", authorization)))));
            }
            awaitWaitingOnLock(HELD);

            sigterm = System.nanoTime();
            service.sendSigterm();
            AccordsInstance.sleep(HELD_AFTER_SIGTERM.toMillis());
            lock.commit();
            released = System.nanoTime();
            exitCode = service.awaitExit(SHUTDOWN_TIMEOUT.plusSeconds(10));
            exited = System.nanoTime();
            AccordsInstance.sleep(500);
            running.set(false);
            for (Future<?> task : tasks) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }

        List<Write> all = List.copyOf(writes);
        Map<String, Long> byAnswer = all.stream().collect(Collectors.groupingBy(w -> answer(w.outcome(), sigterm),
                LinkedHashMap::new, Collectors.counting()));
        Map<String, String> applied = appliedReferences();
        List<Write> acknowledgedMissing = all.stream()
                .filter(w -> w.outcome().ok() && !applied.containsKey(w.reference())).toList();
        List<Write> unacknowledgedApplied = all.stream()
                .filter(w -> !w.outcome().ok() && applied.containsKey(w.reference())).toList();
        List<Write> broken = all.stream()
                .filter(w -> !w.outcome().ok() && w.outcome().status() != -1 && w.outcome().status() != 503).toList();
        List<Outcome> refusedWith503 = all.stream().map(Write::outcome).filter(o -> o.status() == 503).toList();
        List<Outcome> acknowledgedAfterSigterm = all.stream().map(Write::outcome)
                .filter(o -> o.ok() && o.endNanos() > sigterm).toList();
        long heldApplied = countSummaries("Changed while the instance shut down");

        Report report = new Report("graceful-shutdown");
        report.line("SIGTERM with %d PATCHes held in flight by a row lock (released %.1f s after SIGTERM) and %d clients "
                + "creating clauses", HELD, seconds(released - sigterm), CLIENTS);
        report.line("process exited %.2f s after SIGTERM (%.2f s after the lock was released), exit code %d",
                seconds(exited - sigterm), seconds(exited - released), exitCode);
        report.line("held PATCHes: %s; their change is in the database for %d of %d",
                heldOutcomes.stream().map(o -> Integer.toString(o.status())).sorted().toList(), heldApplied, HELD);
        report.line("creates: %d sent, answers %s", all.size(), byAnswer);
        report.line("acknowledged after SIGTERM: %d; acknowledged but missing: %d; refused but applied: %d; other failures: %d",
                acknowledgedAfterSigterm.size(), acknowledgedMissing.size(), unacknowledgedApplied.size(), broken.size());
        all.stream().filter(w -> !w.outcome().ok()).map(Write::outcome).map(Outcome::error).distinct().limit(5)
                .forEach(error -> report.line("  refusal seen: %s", error));
        report.publish();

        assertThat(heldOutcomes).hasSize(HELD).allSatisfy(o -> {
            assertThat(o.status()).as(o.toString()).isEqualTo(200);
            assertThat(o.endNanos()).as("answered after the lock was released").isGreaterThan(released);
        });
        assertThat(heldApplied).isEqualTo(HELD);
        assertThat(broken).as("answers other than 2xx, 503 or a refused connection").isEmpty();
        assertThat(refusedWith503).allSatisfy(o -> {
            assertThat(o.header("Retry-After")).as(o.toString()).isNotBlank();
            assertThat(o.text("code")).isEqualTo("SERVICE_UNAVAILABLE");
            // A request sent just before SIGTERM may reach the gate just after it: the answer comes after.
            assertThat(o.endNanos()).as("refused only once SIGTERM had come").isGreaterThan(sigterm);
        });
        assertThat(acknowledgedMissing).as("acknowledged writes missing").isEmpty();
        assertThat(unacknowledgedApplied).as("writes applied but cut off before their answer").isEmpty();
        assertThat(exited - sigterm).isLessThan(SHUTDOWN_TIMEOUT.toNanos());
    }

    private static void createUntilStopped(int client, String agreementId, String authorization, AtomicBoolean running,
                                           List<Write> writes) {
        HttpProbe http = new HttpProbe(service.baseUrl());
        String clauses = "/v1/agreements/" + agreementId + "/clauses";
        for (int n = 1; running.get() && n < 100_000; n++) {
            String reference = "g" + client + "-" + n;
            Outcome outcome = http.post(clauses, Map.of("reference", reference, "title", "Clause " + reference),
                    Map.of("Authorization", authorization));
            writes.add(new Write(reference, outcome));
            AccordsInstance.sleep(outcome.status() < 0 ? 100 : 10);
        }
    }

    /** Waits (bounded) until the held PATCHes are inside the service, blocked on the test's row lock. */
    private static void awaitWaitingOnLock(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet row = statement.executeQuery(
                        "select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
                    row.next();
                    if (row.getInt(1) >= count) {
                        return;
                    }
                }
                AccordsInstance.sleep(50);
            }
        }
        throw new IllegalStateException("the held requests never reached the database");
    }

    private static void awaitAcknowledged(List<Write> writes, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (writes) {
                if (writes.stream().filter(w -> w.outcome().ok()).count() >= count) {
                    return;
                }
            }
            AccordsInstance.sleep(50);
        }
        throw new IllegalStateException("the load never warmed up");
    }

    private static String answer(Outcome outcome, long sigterm) {
        String when = outcome.startNanos() < sigterm ? "sent before SIGTERM" : "sent after SIGTERM";
        if (outcome.status() < 0) {
            return "no answer (" + outcome.error().replaceAll(":.*", "") + "), " + when;
        }
        return outcome.status() + ", " + when;
    }

    private static Map<String, String> appliedReferences() throws Exception {
        Map<String, String> references = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select reference, id from clauses where reference like 'g%'")) {
            while (rows.next()) {
                references.put(rows.getString(1), rows.getString(2));
            }
        }
        return references;
    }

    private static long countSummaries(String summary) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement("select count(*) from agreements where summary = ?")) {
            count.setString(1, summary);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Map<String, Object> agreement(int i) {
        return Map.of(
                "title", "US–Ukraine agreement, graceful shutdown " + i,
                "parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "Ukraine")),
                "status", "NEGOTIATING");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
