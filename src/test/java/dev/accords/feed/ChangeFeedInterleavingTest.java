package dev.accords.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.accords.database.UnpooledConnections;
import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 12, item 2: a follower of the feed never misses an event and never sees one twice, even when
 * transactions commit in another order than they wrote their events. The writers here are plain
 * JDBC transactions that write events the way the service does (one insert per event, in the
 * transaction of the change), held open for a while before they commit or roll back, so the
 * interleavings happen for certain instead of by chance.
 */
@QuarkusTest
class ChangeFeedInterleavingTest extends ApiTest {

    @Inject
    AgroalDataSource dataSource;
    /** The writers' transactions run on connections of their own, never on the service's pool. */
    @Inject
    UnpooledConnections connections;

    @Test
    void shouldNotSkipTheEventOfATransactionThatCommitsAfterAYoungerOne() throws Exception {
        UUID agreementId = UUID.randomUUID();
        try (Connection slow = transaction(); Connection fast = transaction()) {
            long early = insertEvent(slow, agreementId);
            long late = insertEvent(fast, agreementId);
            fast.commit();

            // The younger transaction committed, the older one has not: a feed by id alone would show
            // `late` now, move its cursor past `early`, and never show `early`.
            JsonPath meanwhile = ChangeFeedApiTest.page(agreementId.toString(), null, 100);
            assertThat(meanwhile.getList("items")).isEmpty();

            slow.commit();
            List<Map<String, Object>> events =
                    ChangeFeedApiTest.follow(agreementId.toString(), meanwhile.getString("nextCursor"), 100).events();
            assertThat(events).extracting(event -> ((Number) event.get("sequence")).longValue()).containsExactly(early, late);
        }
    }

    @Test
    void shouldNotSkipItOnTheAgreementsOwnTrailEither() throws Exception {
        UUID agreementId = UUID.fromString(Fixtures.agreement());
        String cursor = api().get("/v1/agreements/{id}/events", agreementId).then().statusCode(200)
                .extract().path("nextCursor");
        assertThat(cursor).as("the agreement's creation is its only event").isNull();
        try (Connection slow = transaction(); Connection fast = transaction()) {
            long early = insertEvent(slow, agreementId);
            long late = insertEvent(fast, agreementId);
            fast.commit();
            List<Long> meanwhile = trail(agreementId);
            slow.commit();

            assertThat(meanwhile).doesNotContain(early, late);
            assertThat(trail(agreementId)).endsWith(early, late);
        }
    }

    /**
     * The feed selects the transaction id as text (JDBC has no xid8): a query that sorted by that
     * text put transaction 10 before 9, handed out a cursor past 10 first, and never showed 9's
     * event. Ids 9 and 10 are written here outright, so the digit boundary is crossed whatever the
     * database's own transaction counter reads today.
     */
    @Test
    void shouldKeepTransactionOrderWhenTransactionIdsGainADigit() throws Exception {
        UUID agreementId = UUID.fromString(Fixtures.agreement());
        long nine = insertEventOfTransaction(agreementId, 9);
        long ten = insertEventOfTransaction(agreementId, 10);

        List<Map<String, Object>> feed = ChangeFeedApiTest.follow(agreementId.toString(), null, 1).events();
        List<Long> trail = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = api().queryParam("limit", 1).queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/v1/agreements/{id}/events", agreementId).then().statusCode(200).extract().jsonPath();
            trail.addAll(page.getList("items.sequence", Long.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(feed).extracting(event -> ((Number) event.get("sequence")).longValue()).startsWith(nine, ten).hasSize(3);
        assertThat(trail).startsWith(nine, ten).hasSize(3);
    }

    private long insertEventOfTransaction(UUID agreementId, long transaction) throws SQLException {
        try (Connection connection = connections.open("feed-digit-test", 5, 15);
             PreparedStatement insert = connection.prepareStatement("""
                     insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes, tx_id)
                     values (?, now(), 'feed-test', 'CLAUSE_UPDATED', 'CLAUSE', ?, '{"title": "old transaction"}', cast(? as xid8))
                     returning id""")) {
            insert.setObject(1, agreementId);
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, Long.toString(transaction));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static List<Long> trail(UUID agreementId) {
        return api().get("/v1/agreements/{id}/events", agreementId).then().statusCode(200).extract().jsonPath()
                .getList("items.sequence", Long.class);
    }

    @Test
    void shouldNeverShowTheEventOfARolledBackTransaction() throws Exception {
        UUID agreementId = UUID.randomUUID();
        try (Connection abandoned = transaction(); Connection kept = transaction()) {
            insertEvent(abandoned, agreementId);
            long committed = insertEvent(kept, agreementId);
            kept.commit();
            abandoned.rollback();

            assertThat(ChangeFeedApiTest.follow(agreementId.toString(), null, 100).events())
                    .extracting(event -> ((Number) event.get("sequence")).longValue()).containsExactly(committed);
        }
    }

    @Test
    void shouldGiveAFollowerExactlyTheCommittedEventsWhileSlowAndFastWritersInterleave() throws Exception {
        UUID agreementId = UUID.randomUUID();
        int writers = 4;
        int transactionsPerWriter = 30;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                writes.add(threads.submit(() -> {
                    for (int t = 0; t < transactionsPerWriter; t++) {
                        write(agreementId);
                    }
                    return null;
                }));
            }
            Future<Follower> following = threads.submit(() -> {
                Follower follower = new Follower(agreementId.toString());
                while (writing.get()) {
                    follower.pageOnce(3);
                }
                follower.drain();
                return follower;
            });
            for (Future<?> write : writes) {
                write.get(2, TimeUnit.MINUTES);
            }
            writing.set(false);
            Follower follower = following.get(2, TimeUnit.MINUTES);

            List<Long> committed = committedEvents(agreementId);
            assertThat(follower.seen).doesNotHaveDuplicates();
            assertThat(follower.seen).containsExactlyInAnyOrderElementsOf(committed);
            // Proof that the interleavings happened: the follower was handed events with a lower id
            // after higher ones, each of which a feed ordered by id alone would have skipped.
            assertThat(follower.outOfIdOrder).isPositive();
            System.out.printf("change feed interleavings: %d writers x %d transactions, %d events committed, "
                            + "%d pages read while writing, %d events delivered after a higher id, 0 missed, 0 repeated%n",
                    writers, transactionsPerWriter, committed.size(), follower.pages, follower.outOfIdOrder);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One transaction: 1-3 events, held open 0-40 ms, one in five rolled back. */
    private void write(UUID agreementId) throws SQLException, InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection connection = transaction()) {
            int events = 1 + random.nextInt(3);
            for (int e = 0; e < events; e++) {
                insertEvent(connection, agreementId);
                Thread.sleep(random.nextInt(10));
            }
            Thread.sleep(random.nextInt(40));
            if (random.nextInt(5) == 0) {
                connection.rollback();
            } else {
                connection.commit();
            }
        }
    }

    /** A client paging along the feed of one agreement. */
    static final class Follower {
        final String agreementId;
        final List<Long> seen = new ArrayList<>();
        String cursor;
        int pages;
        int outOfIdOrder;
        private long highest;

        Follower(String agreementId) {
            this.agreementId = agreementId;
        }

        boolean pageOnce(int limit) {
            JsonPath page = ChangeFeedApiTest.page(agreementId, cursor, limit);
            pages++;
            for (Map<String, Object> event : page.<Map<String, Object>>getList("items")) {
                long sequence = ((Number) event.get("sequence")).longValue();
                if (sequence < highest) {
                    outOfIdOrder++;
                }
                highest = Math.max(highest, sequence);
                seen.add(sequence);
            }
            cursor = page.getString("nextCursor");
            return page.getBoolean("hasMore");
        }

        void drain() {
            while (pageOnce(3)) {
                // the writers have finished: read to the end
            }
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = connections.open("feed-interleaving-test", 5, 15);
        connection.setAutoCommit(false);
        return connection;
    }

    private static long insertEvent(Connection connection, UUID agreementId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into agreement_events (agreement_id, occurred_at, actor, kind, target_type, target_id, changes)
                values (?, now(), 'feed-test', 'CLAUSE_UPDATED', 'CLAUSE', ?, '{"title": "interleaved"}')
                returning id""")) {
            insert.setObject(1, agreementId);
            insert.setObject(2, UUID.randomUUID());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<Long> committedEvents(UUID agreementId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select id from agreement_events where agreement_id = ?")) {
            select.setObject(1, agreementId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        Set<Long> unique = new HashSet<>(ids);
        assertThat(unique).hasSameSizeAs(ids);
        return ids;
    }
}
