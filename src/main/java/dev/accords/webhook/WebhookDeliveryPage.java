package dev.accords.webhook;

import java.util.List;

public record WebhookDeliveryPage(List<WebhookDeliveryView> items, String nextCursor) {
}
