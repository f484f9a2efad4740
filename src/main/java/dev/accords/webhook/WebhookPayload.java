package dev.accords.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * The body every attempt of a delivery sends, in the Standard Webhooks shape. For an event, {@code
 * data} is the feed's own event ({@link dev.accords.feed.FeedEvent}), so a receiver sees exactly
 * what {@code GET /v1/events} shows; for a ping, the endpoint's id.
 */
public record WebhookPayload(WebhookEventType type, Instant timestamp, Object data) {

    static WebhookPayload ping(java.util.UUID endpointId, Instant at) {
        return new WebhookPayload(WebhookEventType.PING, at, Map.of("endpointId", endpointId));
    }
}
