package dev.accords.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery as its log shows it: where it stands, what it sends, and every attempt so far. */
public record WebhookDeliveryView(
        UUID id,
        UUID endpointId,
        WebhookEventType type,
        Long eventSequence,
        UUID agreementId,
        WebhookDeliveryStatus status,
        int attemptCount,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant completedAt,
        WebhookPayload payload,
        List<WebhookAttemptView> attempts) {
}
