package dev.accords.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

/**
 * The cache of verified tokens on its own, with a clock the test moves: an entry lives exactly as
 * long as verification would accept its token, the cache stays within its bound, and only the
 * exact token that was verified finds its entry.
 */
class VerifiedTokensTest {

    static final long EXP = 2_000_000_000L;
    static final long SKEW = 60;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(EXP - 600));
    final InstantSource clock = () -> now.get();

    static JsonWebToken verified(String subject, long issuedAt, long expiresAt, String... groups) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setIssuer("https://accords.example/dev");
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt));
        claims.setStringListClaim("groups", List.of(groups));
        return new DefaultJWTCallerPrincipal(claims);
    }

    @Test
    void shouldForgetATokenTheMomentVerificationWouldRefuseIt() {
        VerifiedTokens tokens = new VerifiedTokens(SKEW, null, 100, clock);
        JsonWebToken claims = verified("alice", EXP - 3600, EXP, "reader");
        tokens.remember("token-a", claims);

        now.set(Instant.ofEpochSecond(EXP + SKEW).minusMillis(1));
        assertThat(tokens.lookup("token-a")).isSameAs(claims);

        now.set(Instant.ofEpochSecond(EXP + SKEW));
        assertThat(tokens.lookup("token-a")).isNull();
        now.set(Instant.ofEpochSecond(EXP + SKEW + 3600));
        assertThat(tokens.lookup("token-a")).isNull();
    }

    @Test
    void shouldNotRememberATokenThatVerificationWouldAlreadyRefuse() {
        VerifiedTokens tokens = new VerifiedTokens(SKEW, null, 100, clock);
        now.set(Instant.ofEpochSecond(EXP + SKEW));
        tokens.remember("late", verified("late", EXP - 3600, EXP, "admin"));
        assertThat(tokens.lookup("late")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldEndAnEntryAtTheMaximumTokenAgeWhenOneIsConfigured() {
        // smallrye refuses once now - iat > age, i.e. from iat + age + 1
        VerifiedTokens tokens = new VerifiedTokens(SKEW, 300L, 100, clock);
        long issuedAt = EXP - 3600;
        now.set(Instant.ofEpochSecond(issuedAt));
        tokens.remember("aged", verified("bob", issuedAt, EXP, "negotiator"));

        now.set(Instant.ofEpochSecond(issuedAt + 300));
        assertThat(tokens.lookup("aged")).isNotNull();
        now.set(Instant.ofEpochSecond(issuedAt + 301));
        assertThat(tokens.lookup("aged")).isNull();
    }

    @Test
    void shouldAnswerOnlyForTheExactTokenThatWasVerified() {
        VerifiedTokens tokens = new VerifiedTokens(SKEW, null, 100, clock);
        tokens.remember("header.payload.signature", verified("alice", EXP - 3600, EXP, "reader"));

        assertThat(tokens.lookup("header.payload.signaturf")).isNull();
        assertThat(tokens.lookup("header.payload.signature ")).isNull();
        assertThat(tokens.lookup("header.payload.signature").getGroups()).containsExactly("reader");
    }

    @Test
    void shouldKeepNoMoreTokensThanItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(SKEW, null, 3, clock);
        for (int n = 0; n < 50; n++) {
            tokens.remember("token-" + n, verified("user-" + n, EXP - 3600, EXP, "reader"));
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(3);
    }
}
