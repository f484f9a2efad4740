package dev.accords.ratification;

/**
 * A party's domestic step after signature. RATIFICATION, APPROVAL and ACCEPTANCE are the ways a
 * state consents to be bound (which one depends on its constitution); NOTIFICATION tells the other
 * parties that the procedure is complete, and entry into force counts from the last of them.
 */
public enum InstrumentKind {
    RATIFICATION, APPROVAL, ACCEPTANCE, NOTIFICATION;

    /** Whether this instrument is the party's consent to be bound (not the notification of it). */
    boolean isConsent() {
        return this != NOTIFICATION;
    }
}
