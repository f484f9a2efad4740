package dev.accords.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens a connection to the service's PostgreSQL outside the pool, with the datasource's URL and
 * credentials, for the work that must not wait for or hold a pooled connection: the readiness probe
 * and the event listener each keep one of their own.
 */
@ApplicationScoped
public class UnpooledConnections {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    /**
     * A new connection named {@code applicationName} in pg_stat_activity. Opening it gives up after
     * {@code connectTimeoutSeconds} of TCP connect and {@code socketTimeoutSeconds} of login; a read
     * on it after {@code socketTimeoutSeconds} of silence.
     */
    public Connection open(String applicationName, int connectTimeoutSeconds, int socketTimeoutSeconds)
            throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
        properties.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        properties.setProperty("loginTimeout", Integer.toString(socketTimeoutSeconds));
        properties.setProperty("ApplicationName", applicationName);
        Connection opened = new org.postgresql.Driver().connect(url, properties);
        if (opened == null) {
            throw new SQLException("not a PostgreSQL URL");
        }
        return opened;
    }
}
