package dev.accords.devdata;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL 15 in dev mode and tests when no database is
 * configured, so a new developer needs nothing installed. Its ordinal (200) sits below
 * application.properties, the environment and system properties: any configured URL wins.
 *
 * <p>The embedded server comes from a {@code provided} dependency, so a packaged jar does not even
 * have the classes; {@link EmbeddedPostgresLauncher} also refuses to start outside dev and test.
 */
public final class EmbeddedPostgresConfigSource implements ConfigSource {

    private final Map<String, String> properties = EmbeddedPostgresLauncher.datasourcePropertiesIfNeeded();

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "accords-embedded-postgres";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
