package dev.accords.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.reliability.HttpProbe.Outcome;
import dev.accords.support.WebhookReceiver;
import dev.accords.support.WebhookReceiver.Answer;
import dev.accords.support.WebhookReceiver.Received;

/**
 * Issue 13, items 3 and 4, with the packaged jar: two instances deliver 1,000 events between them,
 * each once, in order where the endpoint asks for it; and an instance killed with deliveries due
 * (some of them on their way) loses none of them once it is back.
 */
class WebhooksIT {

    static final int AGREEMENTS = 20;
    static final int CLAUSES_PER_AGREEMENT = 49;
    static final int CRASH_EVENTS = 200;
    static final Map<String, String> ENVIRONMENT = Map.of("ACCORDS_WEBHOOKS_ALLOW_LOOPBACK", "true",
            "ACCORDS_WEBHOOKS_RETRY_BASE", "200MS", "ACCORDS_WEBHOOKS_RETRY_CAP", "1S");
    /** A short lease, so what was on its way at the kill is sent again within seconds, not a minute. */
    static final Map<String, String> CRASH_ENVIRONMENT = Map.of("ACCORDS_WEBHOOKS_ALLOW_LOOPBACK", "true",
            "ACCORDS_WEBHOOKS_RETRY_BASE", "200MS", "ACCORDS_WEBHOOKS_RETRY_CAP", "1S", "ACCORDS_WEBHOOKS_LEASE", "5S");
    static final Report REPORT = new Report("webhooks");
    static final String ADMIN = "Bearer " + Harness.token("reliability-admin", "admin");

    @AfterAll
    static void publish() {
        REPORT.publish();
    }

    @Test
    void shouldDeliverEachOfAThousandEventsOnceFromTwoInstancesInOrderWhereAsked() throws Exception {
        try (FaultyPostgres database = new FaultyPostgres("webhooks-two");
             WebhookReceiver receiver = WebhookReceiver.start()) {
            database.start();
            try (AccordsInstance a = AccordsInstance.start("webhooks-two-a", database, ENVIRONMENT);
                 AccordsInstance b = AccordsInstance.start("webhooks-two-b", database, ENVIRONMENT)) {
                HttpProbe toA = new HttpProbe(a.baseUrl());
                HttpProbe toB = new HttpProbe(b.baseUrl());
                endpoint(toA, receiver.url("/all"), false);
                endpoint(toB, receiver.url("/ordered"), true);

                long started = System.nanoTime();
                List<String> agreements = writeEvents(List.of(toA, toB));
                int events = AGREEMENTS * (1 + CLAUSES_PER_AGREEMENT);
                List<Received> all = awaitAll(receiver, "/all", events);
                List<Received> ordered = awaitAll(receiver, "/ordered", events);
                double seconds = (System.nanoTime() - started) / 1e9;

                Map<Long, Integer> feedOrder = feedOrder(toA);
                assertThat(feedOrder).hasSize(events);
                for (List<Received> delivered : List.of(all, ordered)) {
                    assertThat(delivered).extracting(Received::webhookId).doesNotHaveDuplicates();
                    assertThat(delivered).extracting(r -> sequence(r)).containsExactlyInAnyOrderElementsOf(feedOrder.keySet());
                }
                Map<String, List<Integer>> byAgreement = perAgreement(ordered, feedOrder);
                assertThat(byAgreement.keySet()).containsExactlyInAnyOrderElementsOf(agreements);
                byAgreement.values().forEach(order -> assertThat(order).isSorted());
                int outOfOrder = 0;
                for (Map.Entry<String, List<Integer>> agreement : perAgreement(all, feedOrder).entrySet()) {
                    List<Integer> order = agreement.getValue();
                    for (int i = 1; i < order.size(); i++) {
                        outOfOrder += order.get(i) < order.get(i - 1) ? 1 : 0;
                    }
                }
                REPORT.line("two instances, %d events written through both, 2 endpoints (one ordered): %d + %d deliveries "
                                + "in %.1f s (%.0f deliveries/s), 0 missing, 0 sent twice; the unordered endpoint got %d "
                                + "events of an agreement after a later one, the ordered one none",
                        events, all.size(), ordered.size(), seconds, (all.size() + ordered.size()) / seconds, outOfOrder);
            }
        }
    }

    @Test
    void shouldDeliverEverythingDueAfterTheInstanceWasKilled() throws Exception {
        try (FaultyPostgres database = new FaultyPostgres("webhooks-crash");
             WebhookReceiver receiver = WebhookReceiver.start()) {
            database.start();
            // Slow enough that most deliveries are still due, and some on their way, at the kill.
            receiver.otherwise(Answer.status(200).after(Duration.ofMillis(500)));
            String agreementId;
            int receivedAtKill;
            try (AccordsInstance first = AccordsInstance.start("webhooks-crash-1", database, CRASH_ENVIRONMENT)) {
                HttpProbe probe = new HttpProbe(first.baseUrl());
                endpoint(probe, receiver.url("/crash"), false);
                agreementId = agreement(probe);
                for (int i = 1; i < CRASH_EVENTS; i++) {
                    assertThat(probe.post("/v1/agreements/" + agreementId + "/clauses", clause(i), Map.of("Authorization", ADMIN))
                            .status()).isEqualTo(201);
                }
                receiver.await(8);
                first.kill();
                receivedAtKill = receiver.received().size();
            }
            try (AccordsInstance second = AccordsInstance.start("webhooks-crash-2", database, CRASH_ENVIRONMENT)) {
                List<Received> received = awaitAll(receiver, "/crash", CRASH_EVENTS);
                Set<String> ids = new HashSet<>();
                received.forEach(r -> ids.add(r.webhookId()));
                int duplicates = received.size() - ids.size();

                assertThat(ids).hasSize(CRASH_EVENTS);
                assertThat(received).extracting(r -> sequence(r)).containsAll(feedOrder(new HttpProbe(second.baseUrl())).keySet());
                REPORT.line("kill -9 with %d events to deliver, %d received before the kill: after the restart all %d "
                                + "delivered, 0 lost, %d delivered twice (sent before the kill, not yet recorded as sent)",
                        CRASH_EVENTS, receivedAtKill, CRASH_EVENTS, duplicates);
            }
        }
    }

    private static List<String> writeEvents(List<HttpProbe> instances) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> written = new ArrayList<>();
            for (int n = 0; n < AGREEMENTS; n++) {
                int agreement = n;
                written.add(writers.submit(() -> {
                    String id = agreement(instances.get(agreement % 2));
                    for (int i = 1; i <= CLAUSES_PER_AGREEMENT; i++) {
                        Outcome created = instances.get(i % 2).post("/v1/agreements/" + id + "/clauses", clause(i),
                                Map.of("Authorization", ADMIN));
                        assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    }
                    return id;
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> agreement : written) {
                ids.add(agreement.get(5, TimeUnit.MINUTES));
            }
            return ids;
        } finally {
            writers.shutdownNow();
        }
    }

    private static List<Received> awaitAll(WebhookReceiver receiver, String path, int events) {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() ->
                receiver.received().stream().filter(r -> r.path().equals(path)).map(Received::webhookId).distinct().count() >= events);
        // A moment more, so a delivery sent twice would be seen.
        AccordsInstance.sleep(1000);
        return receiver.received().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every event's sequence and its place in the feed's order (GET /v1/events, page by page). */
    private static Map<Long, Integer> feedOrder(HttpProbe probe) {
        Map<Long, Integer> order = new HashMap<>();
        String cursor = null;
        while (true) {
            Outcome page = probe.get("/v1/events?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), ADMIN);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode body = page.json();
            body.get("items").forEach(event -> order.put(event.get("sequence").asLong(), order.size()));
            cursor = body.get("nextCursor").asText();
            if (!body.get("hasMore").asBoolean()) {
                return order;
            }
        }
    }

    private static Map<String, List<Integer>> perAgreement(List<Received> delivered, Map<Long, Integer> feedOrder) throws Exception {
        Map<String, List<Integer>> byAgreement = new HashMap<>();
        for (Received received : delivered) {
            JsonNode data = HttpProbe.JSON.readTree(received.body()).get("data");
            byAgreement.computeIfAbsent(data.get("agreementId").asText(), k -> new ArrayList<>())
                    .add(feedOrder.get(data.get("sequence").asLong()));
        }
        return byAgreement;
    }

    private static long sequence(Received received) {
        try {
            return HttpProbe.JSON.readTree(received.body()).get("data").get("sequence").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void endpoint(HttpProbe probe, String url, boolean ordered) {
        Outcome created = probe.post("/v1/webhook-endpoints", Map.of("url", url, "types", List.of("*"), "ordered", ordered),
                Map.of("Authorization", ADMIN));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static String agreement(HttpProbe probe) {
        Outcome created = probe.post("/v1/agreements", Map.of("title", "Webhooks under load " + UUID.randomUUID(),
                "parties", List.of(Map.of("code", "US", "name", "United States"), Map.of("code", "UA", "name", "Ukraine")),
                "status", "NEGOTIATING"), Map.of("Authorization", ADMIN));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private static Map<String, Object> clause(int reference) {
        return Map.of("reference", Integer.toString(reference), "title", "Clause " + reference, "topic", "natural-resources");
    }
}
