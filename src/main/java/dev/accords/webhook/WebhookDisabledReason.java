package dev.accords.webhook;

/** Why the service disabled an endpoint on its own: the receiver answered 410, or failed for too long. */
public enum WebhookDisabledReason {
    GONE, FAILING
}
