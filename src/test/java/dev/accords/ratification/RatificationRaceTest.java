package dev.accords.ratification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.accords.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Entry into force happens once, however the requests and sweepers race: the last two notifications
 * arriving together, and several sweepers (as on several instances) finding the same due agreement.
 */
@QuarkusTest
class RatificationRaceTest extends RatificationApiBase {

    @Inject
    EntryIntoForce entryIntoForce;

    @Test
    void shouldEnterIntoForceOnceWhenBothPartiesNotifyAtTheSameMoment() {
        String agreementId = signedAgreement(Map.of());
        List<String> parties = List.of("US", "UA");
        List<Response> answers = Race.run(2, client -> record(agreementId,
                instrument(parties.get(client), "NOTIFICATION", today())));

        assertThat(Race.count(answers, 201)).isEqualTo(2);
        api().get(agreement(agreementId)).then().body("status", equalTo("IN_FORCE"));
        assertThat(statusEventsIntoForce(agreementId)).as("status events into IN_FORCE").isEqualTo(1);
    }

    @Test
    void shouldWriteTheStatusEventOnceWhenSweepersRace() throws Exception {
        String agreementId = signedAgreement(Map.of("entryIntoForceRule", "DAYS_AFTER_LAST_NOTIFICATION",
                "entryIntoForceDays", 30));
        recorded(agreementId, "US", "NOTIFICATION", today());
        recorded(agreementId, "UA", "NOTIFICATION", today());
        database.execute("update agreements set entry_into_force_date = ? where id = ?", today(), UUID.fromString(agreementId));

        // Four sweeps of the same agreement at once, besides the service's own sweeper, which may join in.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> sweeps = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                sweeps.add(pool.submit(() -> {
                    start.await();
                    return entryIntoForce.enterIfDue(UUID.fromString(agreementId), today());
                }));
            }
            start.countDown();
            long entered = 0;
            for (Future<Boolean> sweep : sweeps) {
                entered += sweep.get() ? 1 : 0;
            }
            assertThat(entered).as("sweeps that brought it into force").isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        api().get(agreement(agreementId)).then().body("status", equalTo("IN_FORCE"));
        assertThat(statusEventsIntoForce(agreementId)).as("status events into IN_FORCE").isEqualTo(1);
    }

    private long statusEventsIntoForce(String agreementId) {
        return database.count("select count(*) from agreement_events where agreement_id = ? and kind = "
                + "'AGREEMENT_STATUS_CHANGED' and changes ->> 'status' = 'IN_FORCE'", UUID.fromString(agreementId));
    }
}
