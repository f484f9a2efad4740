package dev.accords.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;
import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.InForce;
import dev.accords.support.Tokens;
import dev.accords.support.WebhookReceiver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bad-input campaign (issue 5, item 6; issue 11): for every operation of openapi.yaml, hundreds
 * of malformed requests made by seeded generators ({@link Malformations}), each of which must be
 * refused with a status the contract declares for the operation (or its {@code default} for a wrong
 * route, method, media type or size, or a request target or headers over the service's limits),
 * with an application/problem+json body valid against the contract, never a 5xx, and without
 * changing anything in the database.
 *
 * <p>The generators are plain functions of a {@link SplittableRandom} ({@link Gen}, which says why
 * we do not use a property-testing library), split once per operation from the seed, so the run is
 * reproducible from the seed it prints ({@code -Dcampaign.seed=N}, or {@code random}), and a failure
 * is reported with the exact request. That the generators only make invalid requests, each for the
 * reason its family claims, is checked without the application by {@link MalformationPropertiesTest}.
 *
 * <p>Requests go over one kept-alive socket ({@link RawHttp}) so that the bytes on the wire are
 * exactly the malformed ones; every response is checked against openapi.yaml with the same
 * response-only validator as {@link ApiTest#badClient()}, and by {@link ResponseChecks}. The database
 * is fingerprinted (every table of the schema) once per batch, and a batch that changed it is
 * replayed request by request to name the culprit. Requests aim at one set of real resources,
 * created once, so that a request whose only defect is in its body reaches validation; the signature
 * and declination actions aim at a signatory of a FINALIZED agreement, where a valid request would
 * succeed.
 *
 * <p><b>Left out on purpose</b>: control characters in a header value (a raw CR or LF would end the
 * header, and the HTTP layer refuses the others before the application runs); JSON null for an
 * optional member of a create body (taken as absent); and bad UTF-8 escapes in free text ({@code q}),
 * which decode to U+FFFD.
 */
@QuarkusTest
class BadInputCampaignTest extends ApiTest {

    static final int MINIMUM_TOTAL = 10_000;
    static final int BATCH = 50;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyMalformedRequestIsRefusedWithADeclaredProblemAndChangesNothing() throws IOException {
        World world = new World();
        try {
            world.create();
            campaign(world);
        } finally {
            world.close();
        }
    }

    private void campaign(World world) throws IOException {
        Contract contract = Contract.load();
        Malformations malformations = new Malformations(contract);
        int perOperation = Integer.getInteger("campaign.perOperation",
                (MINIMUM_TOTAL + contract.operations().size() - 1) / contract.operations().size() + 50);
        String seedProperty = System.getProperty("campaign.seed", "20250228");
        long seed = seedProperty.equals("random") ? System.nanoTime() : Long.parseLong(seedProperty);
        SplittableRandom seeded = new SplittableRandom(seed);
        ResponseChecks checks = new ResponseChecks(contract);
        Findings findings = new Findings();
        SchemaFingerprint database = new SchemaFingerprint(dataSource);

        long started = System.nanoTime();
        Map<String, Map<Integer, Integer>> byOperation = new LinkedHashMap<>();
        Map<String, Integer> byFamily = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int total = 0;
        int changedDatabase = 0;
        try (RawHttp http = new RawHttp(root.getHost(), root.getPort())) {
            for (Operation operation : contract.operations()) {
                Iterator<BadRequest> requests = malformations.requests(operation, seeded.split()).iterator();
                Map<Integer, Integer> statuses = byOperation.computeIfAbsent(operation.operationId(), k -> new TreeMap<>());
                Map<String, String> before = database.take();
                for (int sent = 0; sent < perOperation; ) {
                    List<BadRequest> batch = new ArrayList<>();
                    List<BadRequest> refused = new ArrayList<>();
                    boolean accepted = false;
                    for (int i = 0; i < BATCH && sent < perOperation; i++, sent++) {
                        BadRequest request = requests.next();
                        batch.add(request);
                        long sending = System.nanoTime();
                        RawHttp.Response response = send(http, request, world);
                        sendNanos += System.nanoTime() - sending;
                        total++;
                        statuses.merge(response.status(), 1, Integer::sum);
                        byStatus.merge(response.status(), 1, Integer::sum);
                        byFamily.merge(request.family(), 1, Integer::sum);
                        long checking = System.nanoTime();
                        findings.add(checks.problems(request, response, world.ids(operation)), request, response,
                                world.ids(operation));
                        checkNanos += System.nanoTime() - checking;
                        accepted |= response.status() < 400;
                        if (response.status() >= 400) {
                            refused.add(request);
                        }
                    }
                    Map<String, String> after = database.take();
                    if (accepted) {
                        // A request that should have been refused got through (a finding already) and may
                        // have changed or removed the resources the others aim at: start again from fresh
                        // ones, and if the database changed, replay the refused ones to see whether they
                        // had a part in it.
                        world.create();
                        if (!after.equals(before)) {
                            changedDatabase += localize(http, refused, world, findings, database, false);
                        }
                        after = database.take();
                    } else if (!after.equals(before)) {
                        changedDatabase += localize(http, batch, world, findings, database, true);
                        after = database.take();
                    }
                    before = after;
                }
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            int fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
            StringBuilder report = new StringBuilder();
            report.append(String.format("%nBad-input campaign (seed %d, rerun with -Dcampaign.seed=%d): %d operations, %d families, "
                            + "%d connections, %d s (sending %d s, checking responses %d s, %d database fingerprints %d s), "
                            + "%d sets of fixtures%n", seed, seed, contract.operations().size(), byFamily.size(),
                    http.connections(), seconds, sendNanos / 1_000_000_000L, checkNanos / 1_000_000_000L, database.taken(),
                    database.seconds(), world.generations()));
            byOperation.forEach((operation, statuses) -> report.append(String.format("  %-24s %5d  %s%n", operation,
                    statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses)));
            report.append("  by family: ").append(byFamily).append('\n');
            report.append(findings.report());
            report.append(String.format("Bad-input campaign: %d malformed requests sent, by status %s, 5xx seen: %d, "
                            + "refused requests that changed the database: %d, requests answered wrongly: %d%n",
                    total, byStatus, fiveHundreds, changedDatabase, findings.requests()));
            System.out.print(report);
            assertThat(findings.requests()).as(findings.report()).isZero();
            assertThat(fiveHundreds).isZero();
            assertThat(changedDatabase).isZero();
            if (System.getProperty("campaign.perOperation") == null) {
                assertThat(total).isGreaterThanOrEqualTo(MINIMUM_TOTAL);
            }
        }
    }

    private RawHttp.Response send(RawHttp http, BadRequest request, World world) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
        headers.add(Map.entry("Authorization", authorization(request.operation())));
        return http.send(request.method(), request.target(world.ids(request.operation())), headers, request.body(),
                request.chunked());
    }

    /**
     * Replays requests one at a time with a fingerprint around each; returns how many of them were
     * refused and still changed the database. A replayed request that is accepted this time (it met
     * other resources) and changes the database is a finding too, but not such a change. When
     * {@code mustFind}, the batch changed the database and no request was accepted, so a batch in
     * which no single request does is a finding, and a change, of its own.
     */
    private int localize(RawHttp http, List<BadRequest> requests, World world, Findings findings,
                         SchemaFingerprint database, boolean mustFind) throws IOException {
        int culprits = 0;
        boolean found = false;
        Map<String, String> before = database.take();
        for (BadRequest request : requests) {
            RawHttp.Response response = send(http, request, world);
            Map<String, String> after = database.take();
            if (!after.equals(before)) {
                found = true;
                List<String> tables = SchemaFingerprint.changedTables(before, after);
                findings.add((response.status() < 400 ? "accepted and changed " : "refused but changed ") + tables,
                        request, response, world.ids(request.operation()));
                if (response.status() < 400) {
                    world.create();
                    after = database.take();
                } else {
                    culprits++;
                }
            }
            before = after;
        }
        if (!found && mustFind) {
            findings.add("a batch changed the database but no single request did on replay", requests.get(0),
                    new RawHttp.Response(0, List.of(), new byte[0]), world.ids(requests.get(0).operation()));
            culprits = 1;
        }
        return culprits;
    }

    private long sendNanos;
    private long checkNanos;

    /** The real resources the requests aim at. */
    /** The admin's token for the webhook operations, which only admins may use; a negotiator's for the rest. */
    static String authorization(Operation operation) {
        return operation.path().startsWith("/v1/webhook-endpoints") ? ADMIN : negotiatorAuthorization();
    }

    private static final String ADMIN = Tokens.bearer(Tokens.admin());

    static final class World {
        /** The receiver of the world's webhook endpoint: answers 200, so a ping is delivered and then still. */
        private final WebhookReceiver receiver = WebhookReceiver.start();
        private String endpointId;
        private Map<String, String> open = Map.of();
        private Map<String, String> finalized = Map.of();
        private Map<String, String> signed = Map.of();
        private int generations;

        void create() {
            generations++;
            String agreementId = Fixtures.agreement();
            String clauseId = Fixtures.clause(agreementId, "1", null);
            String signatoryId = signatory(agreementId, "UA");
            if (endpointId == null) {
                // Follows only declinations in this agreement, which no refused request makes.
                endpointId = given().header("Authorization", ADMIN).contentType("application/json")
                        .body(Map.of("url", receiver.url("/campaign"), "types", List.of("signatory.declined"),
                                "agreementId", agreementId))
                        .post("/v1/webhook-endpoints").then().statusCode(201).extract().path("id");
            }
            String deliveryId = ping(endpointId);
            String proposalId = api().body(Map.of("text", "Proposed text.", "basedOnRevision", 1, "partyCode", "UA"))
                    .post("/v1/agreements/" + agreementId + "/clauses/" + clauseId + "/proposals")
                    .then().statusCode(201).extract().path("id");
            open = Map.of("agreementId", agreementId, "clauseId", clauseId, "signatoryId", signatoryId, "partyCode", "UA",
                    "endpointId", endpointId, "deliveryId", deliveryId, "proposalId", proposalId);

            String finalizedId = Fixtures.agreement();
            String pending = signatory(finalizedId, "US");
            Fixtures.patchAgreement(finalizedId, Map.of("status", "FINALIZED"));
            finalized = Map.of("agreementId", finalizedId, "signatoryId", pending, "partyCode", "US");

            // Instruments need a SIGNED agreement; one ratification (no notification) keeps it SIGNED.
            String signedId = InForce.signedAgreement();
            String instrumentId = api().body(Map.of("partyCode", "UA", "kind", "RATIFICATION",
                            "date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                            "body", "Verkhovna Rada of Ukraine", "reference", "Law No. 4380-IX"))
                    .post("/v1/agreements/" + signedId + "/instruments").then().statusCode(201).extract().path("id");
            signed = Map.of("agreementId", signedId, "instrumentId", instrumentId, "partyCode", "UA");
        }

        /** A delivered ping: once it is DELIVERED, nothing in the webhook tables moves by itself. */
        private static String ping(String endpointId) {
            String deliveryId = given().header("Authorization", ADMIN)
                    .post("/v1/webhook-endpoints/" + endpointId + "/ping").then().statusCode(202).extract().path("id");
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(given()
                    .header("Authorization", ADMIN).get("/v1/webhook-endpoints/" + endpointId + "/deliveries/" + deliveryId)
                    .then().statusCode(200).extract().path("status")));
            return deliveryId;
        }

        /** Removes the world's endpoint, so it follows nothing once the campaign is over. */
        void close() {
            if (endpointId != null) {
                given().header("Authorization", ADMIN).delete("/v1/webhook-endpoints/" + endpointId).then().statusCode(204);
            }
            receiver.close();
        }

        private static String signatory(String agreementId, String party) {
            return api().body(Map.of("name", "Signatory for " + party, "partyCode", party))
                    .post("/v1/agreements/" + agreementId + "/signatories").then().statusCode(201).extract().path("id");
        }

        /**
         * Signing and declining need a FINALIZED agreement to succeed, instruments a SIGNED one; everything
         * else an open one.
         */
        Map<String, String> ids(Operation operation) {
            if (operation.path().contains("/instruments") || operation.path().endsWith("/ratification")) {
                return signed;
            }
            return operation.path().contains("/signatories/{signatoryId}/") ? finalized : open;
        }

        int generations() {
            return generations;
        }
    }
}
