package dev.accords.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A transaction whose connection dies before its first statement runs again on another connection;
 * one whose connection dies later, or while it commits, does not (issue 10, item 4). The connection
 * is killed for real: PostgreSQL ends its session with pg_terminate_backend, as a restart does.
 */
@QuarkusTest
class StaleConnectionRetryTest {

    enum Moment { BEFORE_FIRST_STATEMENT, AFTER_FIRST_STATEMENT, DURING_COMMIT }

    /** A transactional service whose connection is killed at a chosen moment of its first run. */
    @ApplicationScoped
    static class Sabotaged {

        private final AtomicInteger runs = new AtomicInteger();

        /** How many times the method body ran (fields of a bean are read through methods: the test holds a proxy). */
        public int runs() {
            return runs.get();
        }

        public void reset() {
            runs.set(0);
        }

        @Inject
        EntityManager em;
        @Inject
        AgroalDataSource dataSource;
        @Inject
        TransactionSynchronizationRegistry transaction;

        @Transactional
        public long countAgreements(Moment moment) {
            boolean first = runs.incrementAndGet() == 1;
            // The transaction's own connection, asked for its server process outside Hibernate, so
            // that Hibernate's first statement is still the transaction's first.
            long backend = backendPid();
            if (first && moment == Moment.BEFORE_FIRST_STATEMENT) {
                terminate(backend);
            }
            long count = ((Number) em.createNativeQuery("select count(*) from agreements").getSingleResult()).longValue();
            if (first && moment == Moment.AFTER_FIRST_STATEMENT) {
                terminate(backend);
                em.createNativeQuery("select 1").getSingleResult();
            }
            if (first && moment == Moment.DURING_COMMIT) {
                transaction.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        terminate(backend);
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            }
            return count;
        }

        private long backendPid() {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
                row.next();
                return row.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    Sabotaged sabotaged;
    @Inject
    StaleConnectionRetry retry;

    @BeforeEach
    void resetRuns() {
        sabotaged.reset();
    }

    @Test
    void shouldRunATransactionAgainWhenItsConnectionDiedBeforeItsFirstStatement() {
        long count = sabotaged.countAgreements(Moment.BEFORE_FIRST_STATEMENT);
        assertThat(count).isNotNegative();
        assertThat(sabotaged.runs()).isEqualTo(2);
    }

    @Test
    void shouldNotRunATransactionAgainWhenItsConnectionDiedAfterItsFirstStatement() {
        assertThatThrownBy(() -> sabotaged.countAgreements(Moment.AFTER_FIRST_STATEMENT)).isInstanceOf(RuntimeException.class);
        assertThat(sabotaged.runs()).isEqualTo(1);
    }

    @Test
    void shouldNotRunATransactionAgainWhenItsConnectionDiedWhileItCommitted() {
        assertThatThrownBy(() -> sabotaged.countAgreements(Moment.DURING_COMMIT)).isInstanceOf(RuntimeException.class);
        assertThat(sabotaged.runs()).isEqualTo(1);
    }

    @Test
    void shouldLeaveATransactionThatJoinsItsCallersToTheCallersBoundary() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(
                () -> sabotaged.countAgreements(Moment.BEFORE_FIRST_STATEMENT))).isInstanceOf(RuntimeException.class);
        assertThat(sabotaged.runs()).isEqualTo(1);

        sabotaged.reset();
        long count = retry.get(() -> QuarkusTransaction.requiringNew().call(
                () -> sabotaged.countAgreements(Moment.BEFORE_FIRST_STATEMENT)));
        assertThat(count).isNotNegative();
        assertThat(sabotaged.runs()).isEqualTo(2);
    }

    /** Ends a server process's session as a server restart does, and waits until it is gone. */
    static void terminate(long backend) {
        var config = ConfigProvider.getConfig();
        try (Connection admin = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?::int)");
             PreparedStatement alive = admin.prepareStatement("select count(*) from pg_stat_activity where pid = ?::int")) {
            kill.setLong(1, backend);
            kill.execute();
            alive.setLong(1, backend);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet row = alive.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("backend " + backend + " still alive 30 s after pg_terminate_backend");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
