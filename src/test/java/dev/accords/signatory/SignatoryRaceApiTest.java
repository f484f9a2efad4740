package dev.accords.signatory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.accords.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Concurrent signatures and changes: one winner where there can be only one, and no lost agreement completion. */
@QuarkusTest
class SignatoryRaceApiTest extends SignatoryApiBase {

    @Test
    void shouldLetOnlyOneOfTwoConcurrentSignaturesWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String agreementId = agreement();
            String zelensky = add(agreementId, ZELENSKY);
            add(agreementId, TRUMP);
            setStatus(agreementId, "FINALIZED");
            List<Response> responses = race(() -> sign(agreementId, zelensky), () -> sign(agreementId, zelensky));
            assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 409);
            assertThat(responses).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("code"))
                    .containsExactly("SIGNATORY_ALREADY_SIGNED");
            api().get(signatory(agreementId, zelensky)).then().body("version", equalTo(1));
            api().get("/v1/agreements/" + agreementId).then().body("status", equalTo("FINALIZED"));
        }
    }

    @Test
    void shouldLetOneOfSixteenRacingSignaturesForOneSignatoryWin() {
        String agreementId = agreement();
        String zelensky = add(agreementId, ZELENSKY);
        add(agreementId, TRUMP);
        setStatus(agreementId, "FINALIZED");
        List<Response> responses = Race.run(16, client -> sign(agreementId, zelensky));
        assertThat(Race.count(responses, 200)).isEqualTo(1);
        assertThat(Race.count(responses, 409)).isEqualTo(15);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("code"))
                .containsOnly("SIGNATORY_ALREADY_SIGNED");
        api().get(signatory(agreementId, zelensky)).then().body("status", equalTo("SIGNED")).body("version", equalTo(1));
        assertThat(database.count("select count(*) from agreement_events where target_id = ?::uuid and kind = 'SIGNATORY_SIGNED'",
                zelensky)).as("one signature, one event").isEqualTo(1);
    }

    @Test
    void shouldSignAgreementWhenTheLastTwoSignatoriesRace() throws Exception {
        for (int round = 0; round < 3; round++) {
            String agreementId = agreement();
            String zelensky = add(agreementId, ordered(ZELENSKY, 1));
            String trump = add(agreementId, ordered(TRUMP, 1));
            setStatus(agreementId, "FINALIZED");
            List<Response> responses = race(() -> sign(agreementId, zelensky), () -> sign(agreementId, trump));
            assertThat(responses).extracting(Response::statusCode).containsExactly(200, 200);
            api().get("/v1/agreements/" + agreementId).then().body("status", equalTo("SIGNED"))
                    .body("signedAt", notNullValue());
        }
    }

    @Test
    void shouldLetOnlyOneOfTwoChangesWithTheSameETagWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String agreementId = agreement();
            String trump = add(agreementId, TRUMP);
            String path = signatory(agreementId, trump);
            List<Response> responses = race(
                    () -> api().header("If-Match", "\"0\"").body(Map.of("role", "45th President")).patch(path),
                    () -> api().header("If-Match", "\"0\"").body(Map.of("role", "47th President")).patch(path));
            assertThat(responses).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 412);
            String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("role");
            api().get(path).then().body("role", equalTo(winner)).body("version", equalTo(1));
        }
    }

    /** Starts both requests together, as nearly as threads allow, and returns both answers in order. */
    @SafeVarargs
    private static List<Response> race(Callable<Response>... requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
