package dev.accords.webhook;

import java.time.Instant;

/** A new signing secret, shown this once; the previous one also signs until {@code previousSecretExpiresAt}. */
public record WebhookSecretRotation(String secret, Instant previousSecretExpiresAt) {
}
