package dev.accords.webhook;

import java.util.List;

public record WebhookEndpointPage(List<WebhookEndpointView> items, String nextCursor) {
}
