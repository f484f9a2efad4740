package dev.accords.webhook;

import java.time.Duration;

/**
 * What one attempt came to: the receiver's status code (null when no answer came), how long it
 * took, the first bytes of its answer, why it was not a clean answer, and the wait it asked for.
 */
record WebhookAttemptOutcome(Integer statusCode, long durationMs, String responseBody, String error, Duration retryAfter) {

    static WebhookAttemptOutcome noAnswer(long durationMs, String error) {
        return new WebhookAttemptOutcome(null, durationMs, null, error, null);
    }

    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410 Gone: the receiver says the endpoint no longer exists, so the service stops calling it. */
    boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
