package dev.accords.feed;

import dev.accords.audit.EventKind;
import dev.accords.http.RequestParams;

/** The parameters both event streams take. */
final class StreamParams {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private StreamParams() {
    }

    /** Null (start at the head: only new events) without the header. */
    static FeedCursor resumeAfter(String lastEventId) {
        return lastEventId == null ? null : FeedCursor.decodeOrStart(lastEventId, LAST_EVENT_ID);
    }

    static EventKind kind(String kind) {
        return kind == null ? null : RequestParams.enumValue("kind", kind, EventKind.class);
    }
}
