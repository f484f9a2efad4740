package dev.accords.feed;

import java.util.UUID;

import dev.accords.audit.EventKind;

/**
 * What a follower of the feed asks for: the events after {@code after}, optionally only one
 * agreement's ({@code agreementId}) or one kind's, at most {@code limit}.
 */
public record FeedQuery(FeedCursor after, UUID agreementId, EventKind kind, int limit) {

    public FeedQuery from(FeedCursor cursor) {
        return new FeedQuery(cursor, agreementId, kind, limit);
    }

    public FeedQuery withLimit(int newLimit) {
        return new FeedQuery(after, agreementId, kind, newLimit);
    }

    public boolean matches(FeedEvent event) {
        return (agreementId == null || agreementId.equals(event.agreementId())) && (kind == null || kind == event.kind());
    }
}
