package dev.accords.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/**
 * A position in the change feed: after the event {@code eventId} of the transaction {@code txId}.
 * The feed is ordered by (transaction, event) and only shows finished transactions older than every
 * running one, so everything before a cursor is final (see V5__change_feed.sql). Opaque to clients
 * (base64url); the same text is a page's {@code nextCursor}, an event's {@code cursor} and an SSE
 * event's {@code id}, so each can resume the other.
 */
public record FeedCursor(long txId, long eventId) {

    /** Before the first event ever written. */
    public static final FeedCursor START = new FeedCursor(0, 0);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String VERSION = "f1";

    public String encode() {
        return ENCODER.encodeToString((VERSION + "|" + txId + "|" + eventId).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isAfter(FeedCursor other) {
        return txId != other.txId ? Long.compareUnsigned(txId, other.txId) > 0 : eventId > other.eventId;
    }

    /** A client's cursor, or {@link #START} when it sent none. */
    public static FeedCursor decodeOrStart(String cursor, String parameter) {
        if (cursor == null) {
            return START;
        }
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.US_ASCII).split("\\|", -1);
            if (parts.length == 3 && parts[0].equals(VERSION)) {
                long txId = Long.parseUnsignedLong(parts[1]);
                long eventId = Long.parseLong(parts[2]);
                if (eventId >= 0) {
                    return new FeedCursor(txId, eventId);
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as any other text that is not a cursor
        }
        throw new ApiException(ProblemCode.INVALID_CURSOR, parameter
                + " is not a cursor of the change feed; start again without it, or from a cursor the feed returned");
    }
}
