package dev.accords.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 that a test can take away and bring back: its data directory and port stay
 * the same across {@link #stop()} and {@link #start()}, as they would for a restarted server, so
 * the service under test sees one database go away and come back. {@link #freeze()} and
 * {@link #thaw()} make it unresponsive instead, as behind a network partition. Linux only, like
 * the embedded binaries this project uses.
 */
final class FaultyPostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    FaultyPostgres(String name) {
        this.dataDirectory = Harness.workDirectory(name).resolve("pgdata");
        this.port = freePort();
        deleteRecursively(dataDirectory);
    }

    /** Starts the server: the first time on an empty directory (initdb), later on the data left by the last run. */
    synchronized void start() {
        if (server != null) {
            throw new IllegalStateException("already running");
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL on port " + port, e);
        }
    }

    /**
     * Stops the server the way an operator's restart does ({@code pg_ctl stop -m fast}): open
     * sessions are terminated, running transactions roll back, new connections are refused.
     */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    /**
     * Makes the server stop answering without closing anything, as a network partition or a frozen
     * host does: SIGSTOP to the postmaster, then to every process it started. Connections stay open,
     * and the kernel still completes new TCP handshakes, but no byte comes back until {@link #thaw()}.
     */
    synchronized void freeze() {
        long postmaster = postmasterPid();
        signal("STOP", List.of(postmaster));
        signal("STOP", ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).toList());
    }

    /** Lets a frozen server answer again (SIGCONT to it and every process it started). */
    synchronized void thaw() {
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>(ProcessHandle.of(postmaster).stream().flatMap(ProcessHandle::descendants)
                .map(ProcessHandle::pid).toList());
        pids.add(postmaster);
        signal("CONT", pids);
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("is the server running?", e);
        }
    }

    private static void signal(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    synchronized boolean running() {
        return server != null;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
