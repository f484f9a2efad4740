package dev.accords.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged service, started as production starts it: {@code java -jar
 * quarkus-run.jar}, configured only through environment variables, with its own HTTP port. Its
 * console goes to {@code target/reliability/<name>.log}.
 */
final class AccordsInstance implements AutoCloseable {

    /**
     * Bounds the wait for a jar that never becomes ready. It starts in ~8 s on an idle 2-core
     * machine but took 106 s at load average 20+, which a 90 s bound turned into a false failure.
     */
    private static final Duration STARTUP = Duration.ofMinutes(5);

    final String name;
    final int port;
    final Path log;
    private final Process process;

    private AccordsInstance(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts an instance on the given database and waits until it answers ready. */
    static AccordsInstance start(String name, FaultyPostgres database, Map<String, String> extraEnvironment) {
        int port = FaultyPostgres.freePort();
        Path log = Harness.workDirectory("logs").resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                Harness.jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        // Nothing inherited may point the instance elsewhere.
        environment.keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("ACCORDS_"));
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        environment.put("ACCORDS_JWT_PUBLIC_KEY_LOCATION", Harness.publicKey().toString());
        environment.put("ACCORDS_JWT_ISSUER", Harness.ISSUER);
        environment.putAll(extraEnvironment);
        // For experiments: -Daccords.reliability.env=NAME=value,NAME=value overrides the service's settings.
        for (String setting : System.getProperty("accords.reliability.env", "").split(",")) {
            int equals = setting.indexOf('=');
            if (equals > 0) {
                environment.put(setting.substring(0, equals).strip(), setting.substring(equals + 1).strip());
            }
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AccordsInstance instance = new AccordsInstance(name, port, log, process);
        try {
            instance.awaitReady();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    static AccordsInstance start(String name, FaultyPostgres database) {
        return start(name, database, Map.of());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    private void awaitReady() {
        HttpProbe client = new HttpProbe(baseUrl());
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see "
                        + log + ":\n" + tail());
            }
            if (client.get("/q/health/ready", Duration.ofSeconds(2)).status() == 200) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not ready after " + STARTUP + "; see " + log + ":\n" + tail());
    }

    /** Kills the process outright (SIGKILL), as a crash or an OOM killer does, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM, as an orchestrator does, without waiting. */
    void sendSigterm() {
        process.destroy();
    }

    /** Waits for the process to end and returns its exit code; kills it if it outstays {@code patience}. */
    int awaitExit(Duration patience) {
        try {
            if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(name + " did not stop within " + patience + " of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
