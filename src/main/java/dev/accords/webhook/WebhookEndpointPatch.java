package dev.accords.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A JSON Merge Patch (RFC 7396) of an endpoint, shaped as {@link dev.accords.agreement.AgreementPatch}
 * explains: each field is absent (Java null, leave it), JSON null ({@code Optional.empty()}, remove
 * it) or a value (set it).
 */
public class WebhookEndpointPatch {
    public Optional<@NotBlank @Size(max = WebhookUrls.MAX_LENGTH) String> url;
    public Optional<@NotNull @Size(min = 1, max = 30) List<@NotNull WebhookSubscription>> types;
    public Optional<UUID> agreementId;
    public Optional<@Size(max = 500) String> description;
    public Optional<@NotNull Boolean> enabled;
    public Optional<@NotNull Boolean> ordered;
}
