package dev.accords.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator starts it (run by Failsafe after {@code package}): production
 * never falls back to an embedded database, and a jar that cannot reach its database, or lacks the
 * settings that verify bearer tokens, says so in one line and exits non-zero instead of printing a
 * stack trace.
 */
class PackagedJarIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    @TempDir
    Path workDir;

    @Test
    void shouldStopWithOneLineWhenNoDatabaseIsConfigured() throws Exception {
        Run run = start(tokenSettings());
        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.lines()).as(run.output).containsExactly(
                "Accords needs a PostgreSQL database: set QUARKUS_DATASOURCE_JDBC_URL (e.g. jdbc:postgresql://db:5432/accords),"
                        + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
    }

    @Test
    void shouldStopWithOneLineWhenTheDatabaseCannotBeReached() throws Exception {
        Map<String, String> environment = new HashMap<>(tokenSettings());
        environment.putAll(unreachableDatabase());
        Run run = start(environment);
        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.lines()).as(run.output).hasSize(1);
        assertThat(run.lines().get(0)).startsWith("Accords could not use its PostgreSQL database at "
                + "jdbc:postgresql://127.0.0.1:1/accords: ").doesNotContain("secret");
    }

    @Test
    void shouldStopWithOneLineWhenNoTokenKeyOrIssuerIsSet() throws Exception {
        Run run = start(unreachableDatabase());
        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.lines()).as(run.output).containsExactly(
                "Accords needs the public key that verifies bearer tokens and their issuer: set "
                        + "ACCORDS_JWT_PUBLIC_KEY_LOCATION (a PEM file or URL) and ACCORDS_JWT_ISSUER");
    }

    @Test
    void shouldNameOnlyTheTokenSettingThatIsMissing() throws Exception {
        Map<String, String> environment = new HashMap<>(unreachableDatabase());
        environment.put("ACCORDS_JWT_PUBLIC_KEY_LOCATION", tokenSettings().get("ACCORDS_JWT_PUBLIC_KEY_LOCATION"));
        Run run = start(environment);
        assertThat(run.exitCode).as(run.output).isNotZero();
        assertThat(run.lines()).as(run.output).containsExactly(
                "Accords needs the issuer of its bearer tokens: set ACCORDS_JWT_ISSUER");
    }

    /** A database that is configured (so it is not what the jar complains about) but never reached. */
    private static Map<String, String> unreachableDatabase() {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/accords",
                "QUARKUS_DATASOURCE_USERNAME", "accords", "QUARKUS_DATASOURCE_PASSWORD", "secret");
    }

    /**
     * What production needs besides the database: its own token key (a fresh one, since the jar
     * refuses the development key) and issuer. With them set, the database is the only thing missing.
     */
    private Map<String, String> tokenSettings() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path key = workDir.resolve("jwt-public.pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        return Map.of("ACCORDS_JWT_PUBLIC_KEY_LOCATION", key.toString(), "ACCORDS_JWT_ISSUER", "https://accords.example/it");
    }

    /** Starts the jar in an empty folder (no .env, no config/), with only the given settings. */
    private Run start(Map<String, String> environment) throws IOException, InterruptedException {
        assertThat(JAR).as("run ./mvnw package first").isRegularFile();
        Path output = workDir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("ACCORDS_")
                || name.equals("PORT"));
        builder.environment().put("PORT", "0");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not stop: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String output) {
        List<String> lines() {
            return output.lines().filter(line -> !line.isBlank()).toList();
        }
    }
}
