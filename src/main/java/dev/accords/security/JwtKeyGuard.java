package dev.accords.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * A production instance must verify tokens with its own key: it refuses to start without one,
 * without an issuer, or with the development key that ships in this repository.
 */
@Singleton
public class JwtKeyGuard {

    private static final Logger LOG = Logger.getLogger(JwtKeyGuard.class);
    /** SHA-256 of src/main/dev-keys/publicKey.pem. */
    static final String DEV_KEY_SHA256 = "583a8630a87a9588314281f4fd159f27e5cc828460b14b6e2260d5c889037886";

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        String problem = problem();
        if (problem != null) {
            LOG.error(problem);
            Quarkus.asyncExit(1);
        }
    }

    String problem() {
        String missing = missingSettings(keyLocation, issuer);
        if (missing != null) {
            return missing;
        }
        if (DEV_KEY_SHA256.equals(sha256(keyLocation.get()))) {
            return "Accords refuses to run in production with the development JWT key from src/main/dev-keys: "
                    + "set ACCORDS_JWT_PUBLIC_KEY_LOCATION to your own key";
        }
        return null;
    }

    /**
     * One sentence naming the settings that are missing, or null when both are set. The packaged jar
     * usually stops before this guard runs: smallrye-jwt insists on both values while the application
     * starts, and says only "Failed to load config value" for each. So {@link dev.accords.Accords}
     * asks this method too, with the configuration it reads after such a failure.
     */
    public static String missingSettings(Config config) {
        return missingSettings(value(config, "mp.jwt.verify.publickey.location"), value(config, "mp.jwt.verify.issuer"));
    }

    static String missingSettings(Optional<String> keyLocation, Optional<String> issuer) {
        boolean noKey = keyLocation.filter(value -> !value.isBlank()).isEmpty();
        boolean noIssuer = issuer.filter(value -> !value.isBlank()).isEmpty();
        if (noKey && noIssuer) {
            return "Accords needs the public key that verifies bearer tokens and their issuer: set "
                    + "ACCORDS_JWT_PUBLIC_KEY_LOCATION (a PEM file or URL) and ACCORDS_JWT_ISSUER";
        }
        if (noKey) {
            return "Accords needs the public key that verifies bearer tokens: set ACCORDS_JWT_PUBLIC_KEY_LOCATION "
                    + "(a PEM file or URL)";
        }
        return noIssuer ? "Accords needs the issuer of its bearer tokens: set ACCORDS_JWT_ISSUER" : null;
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (RuntimeException unexpandable) {
            // e.g. ${ACCORDS_JWT_ISSUER} without a default while the variable is unset: missing, too.
            return Optional.empty();
        }
    }

    private static String sha256(String location) {
        try (InputStream in = location.contains("://") && !location.startsWith("file:")
                ? URI.create(location).toURL().openStream()
                : Files.newInputStream(Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location))) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException | NoSuchAlgorithmException | IllegalArgumentException e) {
            // Unreadable here (e.g. a classpath resource): smallrye-jwt reports it when it loads the key.
            return "";
        }
    }
}
