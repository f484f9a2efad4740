package dev.accords.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/**
 * Which parties the caller speaks for. A token may carry a {@code party} claim, one party code or a
 * list of them: its holder is then a member of those parties. A member reads its parties' private
 * notes; a negotiator that is a member ("bound") acts only for its parties. Admins act for every
 * party and read every note; a token without the claim ("unbound") acts for any party, as before the
 * claim existed, but reads no party's notes.
 */
@ApplicationScoped
public class PartyScope {

    /** The claim's name in the token. */
    public static final String CLAIM = "party";

    @Inject
    Instance<SecurityIdentity> identity;

    /** The party codes of the caller's token; empty when it carries no {@code party} claim or there is no caller. */
    public Set<String> parties() {
        SecurityIdentity current = current();
        if (current == null || current.isAnonymous() || !(current.getPrincipal() instanceof JsonWebToken token)) {
            return Set.of();
        }
        return partiesOf(token.getClaim(CLAIM));
    }

    /** Whether the caller is an admin. */
    public boolean isAdmin() {
        SecurityIdentity current = current();
        return current != null && current.hasRole(Roles.ADMIN);
    }

    /** A non-admin caller whose token names parties: it acts only for them. */
    public boolean isBound() {
        return !isAdmin() && !parties().isEmpty();
    }

    /** Whether the caller may act for this party: admins and unbound callers for any, bound ones for their own. */
    public boolean maySpeakFor(String partyCode) {
        return !isBound() || parties().contains(partyCode);
    }

    /** Refuses with 403 {@code PARTY_NOT_REPRESENTED} when a bound caller acts for a party it is not a member of. */
    public void requireMaySpeakFor(String partyCode, String action) {
        if (!maySpeakFor(partyCode)) {
            throw new ApiException(ProblemCode.PARTY_NOT_REPRESENTED, "this token speaks for "
                    + String.join(", ", parties()) + ", not for " + partyCode + "; it cannot " + action);
        }
    }

    /** Whether the caller may read this party's private notes: admins and the party's members. */
    public boolean mayReadNotesOf(String partyCode) {
        return isAdmin() || parties().contains(partyCode);
    }

    /**
     * {@link #mayReadNotesOf} fixed for the caller of this request, for work that outlives the
     * request (a live stream is sent events long after its request returned).
     */
    public Predicate<String> noteReaderOfThisRequest() {
        boolean admin = isAdmin();
        Set<String> parties = parties();
        return partyCode -> admin || parties.contains(partyCode);
    }

    /**
     * The codes a {@code party} claim names. The claim is a string or an array of strings (smallrye
     * hands arrays over as a JsonArray, single values as a String or JsonString); anything else
     * makes the token speak for no party rather than for every party.
     */
    static Set<String> partiesOf(Object claim) {
        if (claim == null || claim == JsonValue.NULL) {
            return Set.of();
        }
        if (claim instanceof String code) {
            return code.isBlank() ? Set.of(NO_PARTY) : Set.of(code);
        }
        if (claim instanceof JsonString code) {
            return partiesOf(code.getString());
        }
        Collection<?> codes = claim instanceof JsonArray array ? array
                : claim instanceof Collection<?> collection ? collection : null;
        if (codes == null || codes.isEmpty()) {
            return Set.of(NO_PARTY);
        }
        Set<String> parties = new LinkedHashSet<>();
        for (Object code : codes) {
            String text = code instanceof JsonString json ? json.getString()
                    : code instanceof String plain ? plain : null;
            if (text == null || text.isBlank()) {
                return Set.of(NO_PARTY);
            }
            parties.add(text);
        }
        return Set.copyOf(parties);
    }

    /**
     * Stands in for the parties of a claim that is present but unusable (empty, blank, not text): the
     * token stays bound, to a code no agreement can have (party codes are upper-case letters), so a
     * malformed claim narrows rights instead of widening them.
     */
    static final String NO_PARTY = "-";

    private SecurityIdentity current() {
        return Arc.container().requestContext().isActive() ? identity.get() : null;
    }
}
