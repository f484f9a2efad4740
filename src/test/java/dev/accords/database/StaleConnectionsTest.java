package dev.accords.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which database failures say the connection was dead before the statement, and may be retried. */
class StaleConnectionsTest {

    @Test
    void shouldTakeASessionTheServerEndedForAStaleConnection() {
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("crash shutdown", "57P02"))).isTrue();
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("This connection has been closed.", "08003"))).isTrue();
    }

    @Test
    void shouldTakeAResetOrClosedSocketForAStaleConnection() {
        assertThat(StaleConnections.brokenBeforeUse(ioError(new EOFException()))).isTrue();
        assertThat(StaleConnections.brokenBeforeUse(ioError(new SocketException("Connection reset")))).isTrue();
        assertThat(StaleConnections.brokenBeforeUse(ioError(new SocketException("Broken pipe")))).isTrue();
    }

    @Test
    void shouldFindTheDriversFailureInsideHibernatesOrAsSuppressed() {
        SQLException driver = new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(StaleConnections.brokenBeforeUse(new JDBCConnectionException("could not execute query", driver))).isTrue();
        RuntimeException rollback = new RuntimeException("rolled back");
        rollback.addSuppressed(new IllegalStateException("wrapped", driver));
        assertThat(StaleConnections.brokenBeforeUse(rollback)).isTrue();
    }

    @Test
    void shouldNeverTakeATimeoutARefusalOrAnUnknownOutcomeForAStaleConnection() {
        // The server took the statement and went silent: waiting again would double a 15 s wait.
        assertThat(StaleConnections.brokenBeforeUse(ioError(new SocketTimeoutException("Read timed out")))).isFalse();
        // No connection could be made: the database is away, a retry would only wait again.
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("Connection refused", "08001"))).isFalse();
        // Transaction resolution unknown: the commit may have happened.
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("unknown", "08007"))).isFalse();
        // Agroal's acquisition timeout has no SQL state.
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("Sorry, acquisition timeout!"))).isFalse();
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("canceling statement due to statement timeout", "57014")))
                .isFalse();
        assertThat(StaleConnections.brokenBeforeUse(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StaleConnections.brokenBeforeUse(new IllegalStateException("no database involved"))).isFalse();
    }

    private static SQLException ioError(Exception cause) {
        return new SQLException("An I/O error occurred while sending to the backend.", "08006", cause);
    }
}
