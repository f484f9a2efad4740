package dev.accords.database;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a connection that was already dead when a transaction picked it up (its server restarted or
 * ended the session while it sat in the pool) from every other database failure.
 */
final class StaleConnections {

    private StaleConnections() {
    }

    /**
     * True when the failure says the connection was gone before this statement could be answered:
     * <ul>
     * <li>{@code 57P01} / {@code 57P02}: the server ended the session (administrator command, crash
     * shutdown); PostgreSQL sends this to idle sessions when it stops, and pgjdbc reads it with the
     * next statement;</li>
     * <li>{@code 08003}: the driver already knew the connection was closed;</li>
     * <li>{@code 08006} caused by an I/O error that is not a timeout: the socket was reset or closed
     * (broken pipe, end of stream).</li>
     * </ul>
     * A socket timeout ({@code 08006} caused by a {@link java.net.SocketTimeoutException}) is not
     * stale: the server took the statement and went silent; waiting for it again would double a wait
     * that is already 15 s. {@code 08007} (transaction resolution unknown), {@code 08001} (cannot
     * connect) and an acquisition timeout are not stale either.
     */
    static boolean brokenBeforeUse(Throwable failure) {
        for (Throwable t : causesAndSuppressed(failure)) {
            if (t instanceof SQLException sql && stale(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean stale(SQLException failure) {
        String state = failure.getSQLState();
        if (state == null) {
            return false;
        }
        return switch (state) {
            case "57P01", "57P02", "08003" -> true;
            case "08006" -> failure.getCause() instanceof IOException io && !(io instanceof InterruptedIOException);
            default -> false;
        };
    }

    /** The failure, its causes, and their suppressed exceptions (a failed rollback keeps the driver's there). */
    private static Set<Throwable> causesAndSuppressed(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(failure, seen);
        return seen;
    }

    private static void collect(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.size() < 64 && seen.add(t); t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                collect(suppressed, seen);
            }
        }
    }

    /** The first line of the innermost cause's message: what the log says of a stale connection. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }
}
