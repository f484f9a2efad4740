package dev.accords.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to a create: the endpoint and, this once, its signing secret. */
public record WebhookEndpointCreated(
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
        long version,
        String secret) {

    static WebhookEndpointCreated of(WebhookEndpointView view, String secret) {
        return new WebhookEndpointCreated(view.id(), view.url(), view.types(), view.agreementId(), view.description(),
                view.enabled(), view.ordered(), view.disabledReason(), view.disabledAt(), view.failingSince(),
                view.previousSecretExpiresAt(), view.createdAt(), view.updatedAt(), view.version(), secret);
    }
}
