package dev.accords.webhook;

/** PENDING until an attempt succeeds (DELIVERED) or the retry window ends (FAILED). */
public enum WebhookDeliveryStatus {
    PENDING, DELIVERED, FAILED
}
