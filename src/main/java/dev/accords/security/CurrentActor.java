package dev.accords.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the request: the token's subject, as recorded in events and checked for signing. */
@ApplicationScoped
public class CurrentActor {

    /** Recorded for changes made outside a request with a token (e.g. the dev-mode seed). */
    public static final String SYSTEM = "system";

    @Inject
    Instance<SecurityIdentity> identity;

    public String subject() {
        SecurityIdentity current = current();
        return current == null || current.isAnonymous() ? SYSTEM : current.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        SecurityIdentity current = current();
        return current != null && current.hasRole(role);
    }

    private SecurityIdentity current() {
        return Arc.container().requestContext().isActive() ? identity.get() : null;
    }
}
