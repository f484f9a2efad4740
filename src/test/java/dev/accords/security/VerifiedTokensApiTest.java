package dev.accords.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Deal;
import dev.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

/**
 * Verified tokens are remembered (issue 10): a remembered token still carries exactly the roles it
 * was verified with, stops working the moment verification would refuse it, and a token that differs
 * from a remembered one in any way is verified, and refused, as if nothing were cached.
 */
@QuarkusTest
class VerifiedTokensApiTest extends ApiTest {

    static final String ISSUER = "https://accords.example/dev";

    @Inject
    VerifiedTokens verifiedTokens;
    @Inject
    JWTAuthContextInfo verification;

    @Test
    void shouldRefuseARememberedTokenTheMomentVerificationWouldRefuseIt() throws InterruptedException {
        // A token that verification accepts for about ten more seconds: its exp lies less than the
        // verifier's clock skew in the past, so the wait below stays short.
        long skew = verification.getClockSkew();
        long expiresAt = Instant.now().getEpochSecond() - skew + 10;
        String token = Jwt.issuer(ISSUER).subject("soon-expired").upn("soon-expired").groups(Set.of("reader"))
                .issuedAt(expiresAt - 3600).expiresAt(expiresAt).sign();

        get(token).then().statusCode(200);
        assertThat(verifiedTokens.lookup(token)).as("remembered after its first use").isNotNull();
        get(token).then().statusCode(200);

        Instant refusedFrom = Instant.ofEpochSecond(expiresAt + skew);
        while (Instant.now().isBefore(refusedFrom)) {
            Thread.sleep(50);
        }
        get(token).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        assertThat(verifiedTokens.lookup(token)).isNull();
    }

    @Test
    void shouldGiveARememberedTokenExactlyTheClaimsAndRolesItWasVerifiedWith() {
        String reader = Tokens.forSubject("cached-reader", "reader");
        get(reader).then().statusCode(200);

        JsonWebToken remembered = verifiedTokens.lookup(reader);
        assertThat(remembered).isNotNull();
        assertThat(remembered.getRawToken()).isEqualTo(reader);
        assertThat(remembered.getSubject()).isEqualTo("cached-reader");
        assertThat(remembered.getIssuer()).isEqualTo(ISSUER);
        assertThat(remembered.getGroups()).containsExactly("reader");

        // Served from the cache, the reader is still only a reader.
        get(reader).then().statusCode(200);
        unauthenticated().header("Authorization", Tokens.bearer(reader)).body(Deal.agreement()).post("/v1/agreements")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));

        // Another token of the same subject is its own entry, with its own roles.
        String negotiator = Tokens.forSubject("cached-reader", "negotiator");
        unauthenticated().header("Authorization", Tokens.bearer(negotiator)).body(Deal.agreement()).post("/v1/agreements")
                .then().statusCode(201);
        assertThat(verifiedTokens.lookup(negotiator).getGroups()).containsExactly("negotiator");
        assertThat(verifiedTokens.lookup(reader).getGroups()).containsExactly("reader");
    }

    @Test
    void shouldRefuseAForgedTokenWhileTheGenuineOneIsRemembered() {
        String genuine = Tokens.forSubject("cached-admin", "admin");
        get(genuine).then().statusCode(200);
        assertThat(verifiedTokens.lookup(genuine)).isNotNull();

        String[] parts = genuine.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A")
                + parts[2].substring(1);
        // The genuine signature over claims someone edited: same header and signature, another payload.
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("cached-admin", "cached-admix");
        String otherClaims = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        for (String forged : new String[] {otherSignature, otherClaims, genuine + "x"}) {
            get(forged).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
            assertThat(verifiedTokens.lookup(forged)).isNull();
        }
        get(genuine).then().statusCode(200);
    }

    private static Response get(String token) {
        return unauthenticated().header("Authorization", Tokens.bearer(token)).get("/v1/agreements");
    }
}
