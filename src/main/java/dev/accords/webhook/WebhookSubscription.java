package dev.accords.webhook;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an endpoint follows: one event type (never {@code ping}, which is only sent on demand), or {@code *} for all. */
public enum WebhookSubscription {
    AGREEMENT_CREATED, AGREEMENT_UPDATED, AGREEMENT_STATUS_CHANGED, AGREEMENT_DELETED,
    CLAUSE_CREATED, CLAUSE_UPDATED, CLAUSE_STATUS_CHANGED, CLAUSE_DELETED, CLAUSE_POSITION_CHANGED,
    CLAUSE_SOURCE_CHANGED,
    SIGNATORY_CREATED, SIGNATORY_UPDATED, SIGNATORY_DELETED, SIGNATORY_SIGNED, SIGNATORY_DECLINED,
    CLAUSE_PROPOSAL_SUBMITTED, CLAUSE_PROPOSAL_ACCEPTED, CLAUSE_PROPOSAL_REJECTED, CLAUSE_PROPOSAL_WITHDRAWN,
    AGREEMENT_INSTRUMENT_RECORDED,
    ALL;

    private final String wire = name().equals("ALL") ? "*" : WebhookEventType.valueOf(name()).wire();

    /** Jackson reads and writes the enum by this value. */
    @JsonValue
    public String wire() {
        return wire;
    }

    static WebhookSubscription ofWire(String wire) {
        for (WebhookSubscription type : values()) {
            if (type.wire.equals(wire)) {
                return type;
            }
        }
        throw new IllegalStateException("stored endpoint follows unknown type " + wire);
    }

    /** The wire form, also in the "must be one of" message of a refused value. */
    @Override
    public String toString() {
        return wire;
    }
}
