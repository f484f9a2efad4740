package dev.accords.feed;

/**
 * A CDI event: transactions that wrote events may have committed, on this instance or another
 * ({@link EventNotifications} fires it on each NOTIFY and once a second). Observers only wake their
 * own threads: it is fired on the listener's thread.
 */
public record EventsCommitted() {
}
