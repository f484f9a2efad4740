package dev.accords.webhook;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The answer to a create: the endpoint's fields and, this once, its signing secret beside them. */
public record WebhookEndpointCreated(@JsonUnwrapped WebhookEndpointView endpoint, String secret) {
}
