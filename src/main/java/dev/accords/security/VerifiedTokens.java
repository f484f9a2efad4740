package dev.accords.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/**
 * Bearer tokens this instance has already verified, remembered until the moment verification would
 * refuse them. A client sends the same token with every request; parsing it and checking its RSA
 * signature again each time cost a few hundred microseconds of CPU per request.
 *
 * <p>Only verification results are kept: the claims smallrye-jwt verified, exactly as it returned
 * them. No data from the database is cached, so two instances can never disagree: both verify with
 * the same key and issuer, and an entry ends exactly when the verifier would start refusing the token
 * (its {@code exp} plus the verifier's clock skew, or earlier if a maximum token age is configured).
 * Entries are keyed by the token's SHA-256: a forged token (any byte changed, the signature included)
 * never finds a genuine token's entry, and no token is held as a key. The cache is bounded
 * ({@code accords.security.verified-tokens.max-size}); Caffeine evicts what is used least.
 *
 * <p>quarkus-cache's annotations cannot give each entry its own lifetime (they have one
 * expire-after-write per cache), so this uses Caffeine's builder directly, with a per-entry
 * {@link Expiry}.
 */
@Singleton
public class VerifiedTokens {

    /** What verification returned, and the first instant at which it would no longer return it. */
    record Verified(JsonWebToken token, Instant refusedFrom) {
    }

    private final Cache<String, Verified> entries;
    private final InstantSource clock;
    private final long clockSkewSeconds;
    private final Long maxTokenAgeSeconds;

    @Inject
    VerifiedTokens(JWTAuthContextInfo verification,
                   @ConfigProperty(name = "accords.security.verified-tokens.max-size") long maxSize) {
        this(verification.getClockSkew(), verification.getTokenAge(), maxSize, InstantSource.system());
    }

    VerifiedTokens(long clockSkewSeconds, Long maxTokenAgeSeconds, long maxSize, InstantSource clock) {
        this.clock = clock;
        this.clockSkewSeconds = clockSkewSeconds;
        this.maxTokenAgeSeconds = maxTokenAgeSeconds;
        // Caffeine drops an entry at its deadline to free the memory; lookup() checks the deadline
        // itself too, against this class's clock, so correctness never depends on when eviction runs.
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.creating((String key, Verified verified) ->
                        positive(Duration.between(clock.instant(), verified.refusedFrom()))))
                .build();
    }

    /** The verified claims of this exact token, or null when it was not verified here or is no longer valid. */
    public JsonWebToken lookup(String token) {
        String key = key(token);
        Verified verified = entries.getIfPresent(key);
        if (verified == null) {
            return null;
        }
        if (!clock.instant().isBefore(verified.refusedFrom())) {
            entries.invalidate(key);
            return null;
        }
        return verified.token();
    }

    /** Remembers what verification returned for this token, until verification would refuse it. */
    public void remember(String token, JsonWebToken verified) {
        Instant refusedFrom = refusedFrom(verified);
        if (refusedFrom != null && clock.instant().isBefore(refusedFrom)) {
            entries.put(key(token), new Verified(verified, refusedFrom));
        }
    }

    /**
     * When smallrye-jwt starts refusing this token. jose4j accepts while
     * {@code now - clockSkew < exp} (whole seconds), so from {@code exp + clockSkew} on it is refused;
     * with {@code mp.jwt.verify.token.age} smallrye also refuses once {@code now - iat > age}, that is
     * from {@code iat + age + 1}. Null (never remembered) for a token without an expiry.
     */
    Instant refusedFrom(JsonWebToken verified) {
        long expiresAt = verified.getExpirationTime();
        if (expiresAt <= 0) {
            return null;
        }
        long refusedFrom = expiresAt + clockSkewSeconds;
        if (maxTokenAgeSeconds != null) {
            refusedFrom = Math.min(refusedFrom, verified.getIssuedAtTime() + maxTokenAgeSeconds + 1);
        }
        return Instant.ofEpochSecond(refusedFrom);
    }

    /** Entries currently held (after pending evictions have run). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
