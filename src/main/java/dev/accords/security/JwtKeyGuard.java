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
        if (keyLocation.isEmpty() || keyLocation.get().isBlank()) {
            return "Accords needs the public key that verifies bearer tokens: set ACCORDS_JWT_PUBLIC_KEY_LOCATION "
                    + "(a PEM file or URL) and ACCORDS_JWT_ISSUER";
        }
        if (issuer.isEmpty() || issuer.get().isBlank()) {
            return "Accords needs the issuer of its bearer tokens: set ACCORDS_JWT_ISSUER";
        }
        if (DEV_KEY_SHA256.equals(sha256(keyLocation.get()))) {
            return "Accords refuses to run in production with the development JWT key from src/main/dev-keys: "
                    + "set ACCORDS_JWT_PUBLIC_KEY_LOCATION to your own key";
        }
        return null;
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
