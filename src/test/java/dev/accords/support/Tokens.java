package dev.accords.support;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the development key (src/main/dev-keys), as a client would hold them. */
public final class Tokens {

    private Tokens() {
    }

    public static String forSubject(String subject, String... roles) {
        return Jwt.issuer("https://accords.example/dev").subject(subject).upn(subject)
                .groups(Set.of(roles)).expiresIn(Duration.ofHours(1)).sign();
    }

    /** A token bound to parties: its {@code party} claim is a JSON array of their codes (security/PartyScope). */
    public static String forParty(String subject, String role, String... parties) {
        return Jwt.issuer("https://accords.example/dev").subject(subject).upn(subject)
                .groups(Set.of(role)).claim("party", List.of(parties)).expiresIn(Duration.ofHours(1)).sign();
    }

    public static String negotiator() {
        return forSubject("test-negotiator", "negotiator");
    }

    public static String reader() {
        return forSubject("test-reader", "reader");
    }

    public static String admin() {
        return forSubject("test-admin", "admin");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
