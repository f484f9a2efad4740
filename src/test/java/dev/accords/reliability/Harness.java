package dev.accords.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * What the reliability tests share: where they write (under {@code target/reliability}), the packaged
 * jar they run, and a key pair made for this run, because the jar refuses the development key.
 */
final class Harness {

    static final String ISSUER = "https://accords.example/reliability";
    private static final Path ROOT = Path.of(System.getProperty("accords.reliability.dir", "target/reliability"))
            .toAbsolutePath();
    private static final KeyPair KEYS = generate();
    private static final Path PUBLIC_KEY = writePublicKey();

    private Harness() {
    }

    static Path workDirectory(String name) {
        Path directory = ROOT.resolve(name);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** The packaged application, as {@code java -jar} runs it in production. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("accords.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify (the package phase builds it)");
        }
        return jar;
    }

    static Path publicKey() {
        return PUBLIC_KEY;
    }

    /** A bearer token from this run's issuer, valid for an hour. */
    static String token(String subject, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    /** A negotiator's token bound to these parties (its {@code party} claim). */
    static String partyToken(String subject, List<String> parties) {
        return Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(Set.of("negotiator")).claim("party", parties)
                .expiresIn(Duration.ofHours(1)).sign(KEYS.getPrivate());
    }

    static String negotiator() {
        return "Bearer " + token("reliability-negotiator", "negotiator");
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = workDirectory("keys").resolve("publicKey.pem");
        try {
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
