package dev.accords.webhook;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The type of a delivery, in the dotted lower-case form webhook receivers expect
 * ({@code clause.status_changed}): one per event kind of the feed, and {@code ping}, sent on demand.
 * The outbox trigger (V6__webhooks.sql) derives the same text from the kind in SQL.
 */
public enum WebhookEventType {
    AGREEMENT_CREATED, AGREEMENT_UPDATED, AGREEMENT_STATUS_CHANGED, AGREEMENT_DELETED,
    CLAUSE_CREATED, CLAUSE_UPDATED, CLAUSE_STATUS_CHANGED, CLAUSE_DELETED, CLAUSE_POSITION_CHANGED,
    CLAUSE_SOURCE_CHANGED,
    SIGNATORY_CREATED, SIGNATORY_UPDATED, SIGNATORY_DELETED, SIGNATORY_SIGNED, SIGNATORY_DECLINED,
    CLAUSE_PROPOSAL_SUBMITTED, CLAUSE_PROPOSAL_ACCEPTED, CLAUSE_PROPOSAL_REJECTED, CLAUSE_PROPOSAL_WITHDRAWN,
    AGREEMENT_INSTRUMENT_RECORDED,
    PING;

    private final String wire = name().equals("PING") ? "ping"
            : name().toLowerCase(Locale.ROOT).replaceFirst("^(agreement|clause|signatory)_", "$1.");

    /** Jackson reads and writes the enum by this value. */
    @JsonValue
    public String wire() {
        return wire;
    }

    /** The wire form, also in the "must be one of" message of a refused value. */
    @Override
    public String toString() {
        return wire;
    }

    /** The type of a stored delivery, whose row holds the wire form. */
    static WebhookEventType ofWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalStateException("stored delivery of unknown type " + wire));
    }
}
