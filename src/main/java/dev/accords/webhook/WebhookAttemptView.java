package dev.accords.webhook;

import java.time.Instant;

/** One attempt to deliver: what the receiver answered (if it did), how long it took, and why it failed. */
public record WebhookAttemptView(int number, Instant attemptedAt, Integer statusCode, long durationMs,
                                 String responseBody, String error) {
}
