package dev.accords.reliability;

import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged jar on an embedded PostgreSQL of its own, as the reliability tests start it
 * ({@link AccordsInstance} on a {@link FaultyPostgres}), for integration tests in other packages
 * (dev.accords.web.WebAppBrowserIT). Tokens come from this run's key ({@link Harness}), which the
 * instance trusts.
 */
public final class PackagedAccords implements AutoCloseable {

    private final FaultyPostgres database;
    private final AccordsInstance instance;

    private PackagedAccords(FaultyPostgres database, AccordsInstance instance) {
        this.database = database;
        this.instance = instance;
    }

    /**
     * Starts a database and the jar on it, with these extra environment variables (e.g.
     * {@code ACCORDS_SEED_EXAMPLE}), and waits until the service answers ready. Writes under
     * {@code target/reliability/<name>}; the log is {@code target/reliability/logs/<name>.log}.
     */
    public static PackagedAccords start(String name, Map<String, String> environment) {
        FaultyPostgres database = new FaultyPostgres(name);
        database.start();
        try {
            return new PackagedAccords(database, AccordsInstance.start(name, database, environment));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return instance.baseUrl();
    }

    public Path log() {
        return instance.log;
    }

    /** The last lines of the service's log. */
    public String tail() {
        return instance.tail();
    }

    /** A bearer token (without the {@code Bearer } prefix) of this run's issuer, valid for an hour. */
    public static String token(String subject, String... roles) {
        return Harness.token(subject, roles);
    }

    /** A negotiator's token bound to these parties: it reads their private notes. */
    public static String partyToken(String subject, java.util.List<String> parties) {
        return Harness.partyToken(subject, parties);
    }

    @Override
    public void close() {
        try {
            instance.close();
        } finally {
            database.close();
        }
    }
}
