package dev.accords.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A receiver of webhooks. Never leaves the service layer: see {@link WebhookEndpointView}. The
 * secrets are read by the dispatcher's own SQL when it signs; no view carries them.
 */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint {

    @Id
    public UUID id;

    public String url;

    public String description;

    /** The wire forms of {@link WebhookSubscription}s: the outbox trigger matches them in SQL. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> types = new ArrayList<>();

    public UUID agreementId;

    public boolean ordered;

    public boolean enabled;

    @Enumerated(EnumType.STRING)
    public WebhookDisabledReason disabledReason;

    public Instant disabledAt;

    public Instant failingSince;

    public String secret;

    public String previousSecret;

    public Instant previousSecretExpiresAt;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;
}
