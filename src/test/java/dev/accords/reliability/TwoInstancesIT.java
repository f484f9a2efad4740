package dev.accords.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.accords.reliability.HttpProbe.Outcome;
import dev.accords.support.EventStreamClient;
import dev.accords.support.EventStreamClient.Message;

/**
 * Issue 5, item 8: two instances of the packaged service on one PostgreSQL, as behind a load balancer.
 * Nothing about idempotency keys or ETags lives in an instance's memory, so a client that reaches A
 * for one request and B for the next gets the same answers as from a single instance.
 */
class TwoInstancesIT {

    static final int ROUNDS = 10;
    static final int CLIENTS_PER_INSTANCE = 4;
    static final int STREAMED_EDITS = 20;

    static FaultyPostgres database;
    static AccordsInstance a;
    static AccordsInstance b;
    static HttpProbe toA;
    static HttpProbe toB;
    static String authorization;
    static final Report REPORT = new Report("two-instances");

    @BeforeAll
    static void start() {
        database = new FaultyPostgres("two-instances");
        database.start();
        a = AccordsInstance.start("two-instances-a", database);
        b = AccordsInstance.start("two-instances-b", database);
        toA = new HttpProbe(a.baseUrl());
        toB = new HttpProbe(b.baseUrl());
        authorization = Harness.negotiator();
    }

    @AfterAll
    static void stop() {
        try {
            REPORT.publish();
        } finally {
            for (AutoCloseable closeable : new AutoCloseable[] {a, b, database}) {
                try {
                    if (closeable != null) {
                        closeable.close();
                    }
                } catch (Exception ignored) {
                    // best effort: the others still need closing
                }
            }
        }
    }

    @Test
    void shouldReplayOnBAnIdempotentPostMadeOnA() throws Exception {
        String key = "two-instances-" + UUID.randomUUID();
        Map<String, Object> body = agreement("replayed across instances");
        Outcome first = toA.post("/v1/agreements", body, headers(key));
        Outcome second = toB.post("/v1/agreements", body, headers(key));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(countAgreementsTitled(body.get("title"))).isEqualTo(1);
        REPORT.line("same key, same body: A %d, B %d (replayed: %s), one agreement in the database",
                first.status(), second.status(), second.header("Idempotent-Replayed"));
    }

    @Test
    void shouldRefuseOnBAKeyUsedOnAForAnotherBody() throws Exception {
        String key = "two-instances-" + UUID.randomUUID();
        Map<String, Object> body = agreement("first body");
        Map<String, Object> other = agreement("another body");
        Outcome first = toA.post("/v1/agreements", body, headers(key));
        Outcome reused = toB.post("/v1/agreements", other, headers(key));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
        assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(countAgreementsTitled(other.get("title"))).isZero();
        REPORT.line("same key, another body: A %d, B %d %s, nothing created by B", first.status(), reused.status(),
                reused.text("code"));
    }

    @Test
    void shouldCreateOneResourceForOneKeyRacingOnBothInstances() throws Exception {
        int originals = 0;
        int replays = 0;
        int inUse = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String key = "race-" + UUID.randomUUID();
            Map<String, Object> body = agreement("race round " + round);
            List<Outcome> outcomes = race(client -> (client % 2 == 0 ? toA : toB)
                    .post("/v1/agreements", body, headers(key)));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(201, 409));
            assertThat(outcomes).filteredOn(o -> o.status() == 409)
                    .allSatisfy(o -> assertThat(o.text("code")).isEqualTo("IDEMPOTENCY_KEY_IN_USE"));
            List<Outcome> created = outcomes.stream().filter(o -> o.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created.stream().map(o -> o.text("id")).distinct()).hasSize(1);
            assertThat(created.stream().filter(o -> o.header("Idempotent-Replayed") == null)).hasSize(1);
            assertThat(countAgreementsTitled(body.get("title"))).isEqualTo(1);
            originals += 1;
            replays += (int) created.stream().filter(o -> "true".equals(o.header("Idempotent-Replayed"))).count();
            inUse += (int) outcomes.stream().filter(o -> o.status() == 409).count();
        }
        REPORT.line("one key raced by %d clients (half on A, half on B), %d rounds: %d resources created "
                        + "(one per round), %d replayed 201s, %d 409 IDEMPOTENCY_KEY_IN_USE, no other answer",
                2 * CLIENTS_PER_INSTANCE, ROUNDS, originals, replays, inUse);
    }

    @Test
    void shouldRefuseOnBAnETagThatAOutdated() throws Exception {
        Outcome created = toA.post("/v1/agreements", agreement("etag across instances"), headers(null));
        String path = "/v1/agreements/" + created.text("id");
        String etag = created.header("ETag");

        Outcome onA = toA.patch(path, Map.of("summary", "Edited on A"), ifMatch(etag));
        Outcome staleOnB = toB.patch(path, Map.of("summary", "Edited on B with a stale ETag"), ifMatch(etag));
        Outcome readOnB = toB.get(path, authorization);

        assertThat(onA.status()).as(onA.toString()).isEqualTo(200);
        assertThat(staleOnB.status()).as(staleOnB.toString()).isEqualTo(412);
        assertThat(staleOnB.text("code")).isEqualTo("PRECONDITION_FAILED");
        assertThat(readOnB.header("ETag")).isEqualTo(onA.header("ETag")).isNotEqualTo(etag);
        assertThat(readOnB.text("summary")).isEqualTo("Edited on A");
        REPORT.line("If-Match: A answered %d with ETag %s; B refused the stale ETag %s with %d %s and still shows A's edit",
                onA.status(), onA.header("ETag"), etag, staleOnB.status(), staleOnB.text("code"));
    }

    @Test
    void shouldLetOneOfEditorsSharingAnETagOnBothInstancesWin() throws Exception {
        int winners = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Outcome created = toA.post("/v1/agreements", agreement("etag race " + round), headers(null));
            String path = "/v1/agreements/" + created.text("id");
            String etag = created.header("ETag");
            List<Outcome> outcomes = race(client -> (client % 2 == 0 ? toA : toB)
                    .patch(path, Map.of("summary", "Edit by client " + client), ifMatch(etag)));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).as(o.toString()).isIn(200, 412));
            List<Outcome> won = outcomes.stream().filter(o -> o.status() == 200).toList();
            assertThat(won).hasSize(1);
            Outcome final_ = (round % 2 == 0 ? toA : toB).get(path, authorization);
            assertThat(final_.text("summary")).isEqualTo(won.get(0).text("summary"));
            assertThat(final_.header("ETag")).isEqualTo(won.get(0).header("ETag"));
            winners += won.size();
            refused += outcomes.size() - won.size();
        }
        REPORT.line("one ETag raced by %d editors (half on A, half on B), %d rounds: %d winners (one per round), "
                + "%d refused with 412, final state always the winner's", 2 * CLIENTS_PER_INSTANCE, ROUNDS, winners, refused);
    }

    /** Issue 12, item 3: a stream on one instance sees what was written through the other, woken by NOTIFY. */
    @Test
    void shouldStreamOnBTheChangesMadeOnA() throws Exception {
        Outcome created = toA.post("/v1/agreements", agreement("streamed across instances"), headers(null));
        String path = "/v1/agreements/" + created.text("id");
        String etag = created.header("ETag");
        List<Double> millis = new ArrayList<>();
        try (EventStreamClient stream = EventStreamClient.open(b.baseUrl() + path + "/events/stream", authorization, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.nextComment(Duration.ofSeconds(10))).isEqualTo("stream open");
            for (int edit = 0; edit < STREAMED_EDITS; edit++) {
                long sent = System.nanoTime();
                Outcome patched = toA.patch(path, Map.of("summary", "Edit " + edit + " on A"), ifMatch(etag));
                assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
                Message event = stream.nextEvent(Duration.ofSeconds(10));
                millis.add((System.nanoTime() - sent) / 1e6);
                assertThat(event.data()).contains("\"Edit " + edit + " on A\"").contains("AGREEMENT_UPDATED");
                etag = patched.header("ETag");
            }
        }
        List<Double> sorted = millis.stream().sorted().toList();
        REPORT.line("stream on B, %d edits on A: each event arrived on B %.1f ms (median), %.1f ms (max) after A was "
                        + "sent the write (an upper bound of commit to arrival)", STREAMED_EDITS,
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    }

    private static List<Outcome> race(IntFunction<Outcome> request) throws Exception {
        int clients = 2 * CLIENTS_PER_INSTANCE;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int id = client;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(id);
                }));
            }
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long countAgreementsTitled(Object title) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement count = connection.prepareStatement("select count(*) from agreements where title = ?")) {
            count.setString(1, (String) title);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Map<String, String> headers(String idempotencyKey) {
        return idempotencyKey == null ? Map.of("Authorization", authorization)
                : Map.of("Authorization", authorization, "Idempotency-Key", idempotencyKey);
    }

    private static Map<String, String> ifMatch(String etag) {
        return Map.of("Authorization", authorization, "If-Match", etag);
    }

    private static Map<String, Object> agreement(String what) {
        return Map.of(
                "title", "US–Ukraine agreement, two instances: " + what + " " + UUID.randomUUID(),
                "parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "Ukraine")),
                "status", "NEGOTIATING");
    }
}
