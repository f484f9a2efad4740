package dev.accords.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.accords.database.UnpooledConnections;

/**
 * Readiness is "PostgreSQL answers now", decided within {@code accords.health.database-timeout}
 * (800 ms by default) whatever the database does: refuses connections, restarts, or stops
 * answering altogether (a network partition, a frozen host).
 *
 * <p>It replaces Quarkus' datasource check, which borrows from the request pool: that check waits
 * up to the pool's acquisition timeout (5 s) when the pool is busy or when a new connection hangs,
 * and marks a busy but healthy instance not ready. This one keeps a connection of its own, outside
 * the pool, with short driver timeouts, and asks it {@code isValid} (an empty query bounded by a
 * network timeout). One probe runs at a time; concurrent readiness calls share it, so a stuck probe
 * never piles up threads. Liveness does not depend on the database at all: a process whose database
 * is away is not broken, and restarting it would not help.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "database";
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class);
    /** Driver-level bounds of the probe connection, in seconds (pgjdbc takes whole seconds). */
    private static final int CONNECT_TIMEOUT_SECONDS = 1;
    private static final int SOCKET_TIMEOUT_SECONDS = 2;
    private static final int VALIDATION_TIMEOUT_SECONDS = 1;

    @Inject
    UnpooledConnections connections;
    @ConfigProperty(name = "accords.health.database-timeout", defaultValue = "800ms")
    Duration timeout;

    private final ExecutorService prober = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "accords-readiness-probe");
        thread.setDaemon(true);
        return thread;
    });
    /** Touched only on the prober thread. */
    private Connection connection;
    private CompletableFuture<String> inFlight;
    private volatile Boolean lastUp;

    @Override
    public HealthCheckResponse call() {
        String failure;
        try {
            failure = probe().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = "PostgreSQL did not answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            failure = "PostgreSQL could not be checked";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "the check was interrupted";
        }
        report(failure);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        return failure == null ? response.up().build() : response.down().withData("reason", failure).build();
    }

    private synchronized CompletableFuture<String> probe() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(this::check, prober);
        }
        return inFlight;
    }

    /** Null when PostgreSQL answered, otherwise why not. Runs on the prober thread only. */
    private String check() {
        try {
            if (connection != null && connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return null;
            }
            closeConnection();
            connection = open();
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS) ? null : "PostgreSQL did not answer";
        } catch (SQLException | RuntimeException e) {
            closeConnection();
            return e instanceof SQLException sql && sql.getSQLState() != null
                    ? "PostgreSQL is unreachable (SQL state " + sql.getSQLState() + ")"
                    : "PostgreSQL is unreachable";
        }
    }

    private Connection open() throws SQLException {
        return connections.open("accords-readiness", CONNECT_TIMEOUT_SECONDS, SOCKET_TIMEOUT_SECONDS);
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is being thrown away because it failed
            }
            connection = null;
        }
    }

    private void report(String failure) {
        boolean up = failure == null;
        Boolean previous = lastUp;
        lastUp = up;
        if (previous != null && previous != up) {
            if (up) {
                LOG.info("PostgreSQL answers again: ready");
            } else {
                LOG.warnf("Not ready: %s", failure);
            }
        }
    }

    @PreDestroy
    void close() {
        prober.execute(this::closeConnection);
        prober.shutdown();
    }
}
