package dev.accords.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An endpoint as the API returns it, never with its secret. {@code version} is also the ETag. */
public record WebhookEndpointView(
        UUID id,
        String url,
        List<WebhookSubscription> types,
        UUID agreementId,
        String description,
        boolean enabled,
        boolean ordered,
        WebhookDisabledReason disabledReason,
        Instant disabledAt,
        Instant failingSince,
        Instant previousSecretExpiresAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id, endpoint.url,
                endpoint.types.stream().map(WebhookSubscription::ofWire).toList(), endpoint.agreementId,
                endpoint.description, endpoint.enabled, endpoint.ordered, endpoint.disabledReason, endpoint.disabledAt,
                endpoint.failingSince, endpoint.previousSecretExpiresAt, endpoint.createdAt, endpoint.updatedAt,
                endpoint.version);
    }
}
