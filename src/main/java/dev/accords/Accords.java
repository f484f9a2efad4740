package dev.accords;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.accords.problem.ProblemResponses;
import dev.accords.security.JwtKeyGuard;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

/**
 * The entry point of the packaged jar ({@code java -jar target/quarkus-app/quarkus-run.jar}).
 *
 * <p>Production never falls back to an embedded database (the embedded PostgreSQL of dev mode and
 * tests is not even in the jar), so a jar started without a database cannot start. Quarkus would
 * say so in a 40-line stack trace; an operator deserves one line that says what to set. Passing an
 * exit handler to {@link Quarkus#run} makes Quarkus hand a startup failure to us instead of logging
 * it, and the handler reads the application's own configuration (system properties, environment,
 * {@code .env}, {@code config/application.properties}, ...) to tell a missing database or missing
 * token settings (which smallrye-jwt reports as two "Failed to load config value" lines) apart from
 * every other failure, which is reported as Quarkus reports it.
 *
 * <p>Dev mode and {@code @QuarkusTest} start the application without this method.
 */
@QuarkusMain
public final class Accords {

    static final String MISSING_DATABASE = "Accords needs a PostgreSQL database: set QUARKUS_DATASOURCE_JDBC_URL"
            + " (e.g. jdbc:postgresql://db:5432/accords), QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD";

    private Accords() {
    }

    public static void main(String... args) {
        BiConsumer<Integer, Throwable> quarkusExit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(null, (exitCode, failure) -> {
            if (failure != null) {
                report(failure);
            }
            quarkusExit.accept(exitCode, failure);
        }, args);
    }

    static void report(Throwable failure) {
        Throwable root = rootCause(failure);
        SQLException database = ProblemResponses.cause(failure, SQLException.class);
        QuarkusBindException portTaken = ProblemResponses.cause(failure, QuarkusBindException.class);
        Config config = applicationConfig();
        Optional<String> url = config == null ? Optional.empty()
                : config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).filter(u -> !u.isBlank());
        List<String> missing = new ArrayList<>();
        if (config != null) {
            if (url.isEmpty()) {
                missing.add(MISSING_DATABASE);
            }
            String tokens = JwtKeyGuard.missingSettings(config);
            if (tokens != null) {
                missing.add(tokens);
            }
        }
        if (!missing.isEmpty()) {
            missing.forEach(System.err::println);
        } else if (database != null) {
            String reason = String.valueOf(database.getMessage()).lines().findFirst().orElse("");
            System.err.println("Accords could not use its PostgreSQL database at " + url.orElse("the configured URL")
                    + ": " + reason
                    + " (check QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD)");
        } else if (portTaken != null) {
            System.err.println("Accords cannot listen on port " + portTaken.getPort()
                    + ": another process is using it (set PORT to a free port)");
        } else if (root instanceof ConfigurationException || root instanceof ConfigValidationException) {
            System.err.println(root.getMessage());
        } else {
            Logger.getLogger(Application.class).error("Failed to start application", failure);
        }
    }

    /** The application's runtime configuration, or null when the failure was that it could not be built. */
    private static Config applicationConfig() {
        try {
            return ConfigProvider.getConfig();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
