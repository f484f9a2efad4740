package dev.accords.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /v1/webhook-endpoints}. Whether the URL may be called at all (https, no
 * private address) is the service's check ({@link WebhookUrls}), which needs the configuration.
 */
public record WebhookEndpointCreate(
        @NotBlank @Size(max = WebhookUrls.MAX_LENGTH) String url,
        @NotEmpty @Size(max = 30) List<@NotNull WebhookSubscription> types,
        UUID agreementId,
        @Size(max = 500) String description,
        Boolean enabled,
        Boolean ordered) {
}
