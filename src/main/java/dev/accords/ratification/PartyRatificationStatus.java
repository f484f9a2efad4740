package dev.accords.ratification;

/**
 * Where one party stands: nothing recorded yet (PENDING), its consent recorded (RATIFIED: a
 * ratification, approval or acceptance) but not yet notified, or NOTIFIED, which is what entry into
 * force waits for.
 */
public enum PartyRatificationStatus {
    PENDING, RATIFIED, NOTIFIED
}
