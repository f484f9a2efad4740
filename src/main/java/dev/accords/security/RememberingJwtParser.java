package dev.accords.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Puts {@link VerifiedTokens} in front of smallrye-jwt's verification of bearer tokens. Quarkus'
 * JWT identity provider calls {@link #parse(String)} for every request with a token; a token verified
 * before, and still valid, is answered from the cache, anything else (a new token, a forged, expired
 * or foreign one) goes to the real verifier, which refuses it as before. The identity that Quarkus
 * builds from the result (roles from {@code groups}, the request's credential) is still built per
 * request: only the verified claims are shared.
 *
 * <p>A CDI decorator, so nothing of smallrye-jwt is reimplemented or replaced: the other methods of
 * {@link JWTParser} reach the verifier unchanged.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class RememberingJwtParser implements JWTParser {

    @Inject
    @Delegate
    @Any
    JWTParser verifier;

    @Inject
    VerifiedTokens verified;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.lookup(token);
        if (known != null) {
            return known;
        }
        JsonWebToken fresh = verifier.parse(token);
        verified.remember(token, fresh);
        return fresh;
    }
}
