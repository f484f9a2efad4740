package dev.accords.http;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the validation of request targets from Quarkus to {@link RequestLimits}. Quarkus refuses a
 * target {@code java.net.URI} cannot parse ({@code /v1/agreements/%E0%A4%A}, a lone {@code %}, a
 * space) with a bare 400 before any application code runs, so the client would get no problem and no
 * request id. Quarkus 3.33 reads the switch for that check, {@code vertx.disableURIValidation}, from
 * the system properties only, once, when its HTTP layer starts.
 *
 * <p>So the switch is set here: the configuration is built before the HTTP layer starts, in the
 * packaged jar, in dev mode and in tests alike, and a configuration source is the one piece of an
 * application Quarkus loads that early. It contributes no configuration of its own.
 * {@link RequestLimits} then refuses every target Quarkus would have refused, as a 400 problem.
 */
public final class RequestTargetValidation implements ConfigSource {

    static final String QUARKUS_SWITCH = "vertx.disableURIValidation";

    static {
        System.setProperty(QUARKUS_SWITCH, "true");
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "accords-request-target-validation";
    }
}
