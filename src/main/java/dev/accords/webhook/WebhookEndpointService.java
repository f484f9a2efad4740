package dev.accords.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.accords.agreement.AgreementRepository;
import dev.accords.database.ReadOnlyTransaction;
import dev.accords.http.ETags;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

import static dev.accords.http.MergePatch.required;
import static dev.accords.http.MergePatch.set;

/**
 * Owns the transactions of the endpoint registry: create (with its secret, shown once), list,
 * read, merge-patch, delete and secret rotation. Deliveries are {@link WebhookDeliveryService}'s.
 */
@ApplicationScoped
public class WebhookEndpointService {

    @Inject
    WebhookEndpointRepository endpoints;
    @Inject
    AgreementRepository agreements;
    @Inject
    WebhookUrls urls;
    @ConfigProperty(name = "accords.webhooks.max-endpoints")
    int maxEndpoints;
    /** How long the secret before a rotation keeps signing beside the new one. */
    @ConfigProperty(name = "accords.webhooks.secret-overlap")
    Duration secretOverlap;

    @Transactional
    public WebhookEndpointCreated create(WebhookEndpointCreate request) {
        urls.requireAllowed(request.url());
        requireUnique(request.types());
        if (request.agreementId() != null) {
            agreements.require(request.agreementId());
        }
        // Serializes creations, so two at once cannot both take the last place under the limit.
        endpoints.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('webhook_endpoints'))")
                .getSingleResult();
        if (endpoints.count() >= maxEndpoints) {
            throw new ApiException(ProblemCode.WEBHOOK_ENDPOINT_LIMIT_REACHED, "there are already " + maxEndpoints
                    + " webhook endpoints, the most this deployment allows (accords.webhooks.max-endpoints); "
                    + "delete one, or follow more event types with one endpoint");
        }
        Instant now = Timestamps.now();
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = request.url();
        endpoint.types = wire(request.types());
        endpoint.agreementId = request.agreementId();
        endpoint.description = request.description();
        endpoint.enabled = request.enabled() == null || request.enabled();
        endpoint.ordered = request.ordered() != null && request.ordered();
        endpoint.secret = WebhookSignatures.newSecret();
        endpoint.createdAt = now;
        endpoint.updatedAt = now;
        endpoints.persist(endpoint);
        endpoints.flush();
        return new WebhookEndpointCreated(WebhookEndpointView.of(endpoint), endpoint.secret);
    }

    @Transactional
    @ReadOnlyTransaction
    public WebhookEndpointPage list(int limit, PageCursor after) {
        Slice<WebhookEndpoint> page = Slice.of(endpoints.page(limit, after), limit,
                last -> PageCursor.after(WebhookEndpointRepository.ORDERING, last.createdAt, last.id));
        return new WebhookEndpointPage(page.map(WebhookEndpointView::of), page.nextCursor());
    }

    @Transactional
    @ReadOnlyTransaction
    public WebhookEndpointView get(UUID id) {
        return WebhookEndpointView.of(endpoints.require(id));
    }

    @Transactional
    public WebhookEndpointView update(UUID id, String ifMatch, WebhookEndpointPatch patch) {
        WebhookEndpoint endpoint = endpoints.requireForUpdate(id);
        ETags.requireMatch(ifMatch, endpoint.version);
        boolean changed = false;
        if (patch.url != null) {
            String url = required(patch.url, "url");
            urls.requireAllowed(url);
            changed |= set(endpoint.url, url, v -> endpoint.url = v);
        }
        if (patch.types != null) {
            List<WebhookSubscription> types = required(patch.types, "types");
            requireUnique(types);
            changed |= set(endpoint.types, wire(types), v -> endpoint.types = v);
        }
        if (patch.agreementId != null) {
            UUID agreementId = patch.agreementId.orElse(null);
            if (agreementId != null && !agreementId.equals(endpoint.agreementId)) {
                agreements.require(agreementId);
            }
            changed |= set(endpoint.agreementId, agreementId, v -> endpoint.agreementId = v);
        }
        if (patch.description != null) {
            changed |= set(endpoint.description, patch.description.orElse(null), v -> endpoint.description = v);
        }
        if (patch.ordered != null) {
            changed |= set(endpoint.ordered, required(patch.ordered, "ordered"), v -> endpoint.ordered = v);
        }
        if (patch.enabled != null) {
            boolean enabled = required(patch.enabled, "enabled");
            if (set(endpoint.enabled, enabled, v -> endpoint.enabled = v)) {
                changed = true;
                // Disabled by hand: when, and no reason of the service's own.
                endpoint.disabledAt = enabled ? null : Timestamps.now();
            }
            if (enabled && (endpoint.disabledReason != null || endpoint.failingSince != null)) {
                // Enabled again by an admin: the failures that disabled it are history.
                endpoint.disabledReason = null;
                endpoint.disabledAt = null;
                endpoint.failingSince = null;
                changed = true;
            }
        }
        if (changed) {
            endpoint.updatedAt = Timestamps.now();
            endpoints.flush();
        }
        return WebhookEndpointView.of(endpoint);
    }

    /** Removes the endpoint and, with it, its deliveries and their log. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        WebhookEndpoint endpoint = endpoints.requireForUpdate(id);
        ETags.requireMatch(ifMatch, endpoint.version);
        endpoints.delete(endpoint);
    }

    /** A new secret; the current one keeps signing, as a second signature, for the overlap. */
    @Transactional
    public WebhookSecretRotation rotate(UUID id) {
        WebhookEndpoint endpoint = endpoints.requireForUpdate(id);
        Instant now = Timestamps.now();
        endpoint.previousSecret = endpoint.secret;
        endpoint.previousSecretExpiresAt = now.plus(secretOverlap);
        endpoint.secret = WebhookSignatures.newSecret();
        endpoint.updatedAt = now;
        endpoints.flush();
        return new WebhookSecretRotation(endpoint.secret, endpoint.previousSecretExpiresAt);
    }

    private static void requireUnique(List<WebhookSubscription> types) {
        if (new HashSet<>(types).size() != types.size()) {
            throw ApiException.invalid("types", "must not name a type twice");
        }
    }

    private static List<String> wire(List<WebhookSubscription> types) {
        return types.stream().map(WebhookSubscription::wire).toList();
    }
}
