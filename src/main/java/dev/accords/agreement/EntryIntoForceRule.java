package dev.accords.agreement;

/**
 * When a signed agreement enters into force, counted from the last party's notification that its
 * domestic procedure is complete (docs/RATIFICATION.md).
 */
public enum EntryIntoForceRule {
    /** On the date of the last notification. */
    ON_LAST_NOTIFICATION,
    /** {@code entryIntoForceDays} days after the date of the last notification. */
    DAYS_AFTER_LAST_NOTIFICATION
}
