package dev.accords.feed;

import java.util.List;

/**
 * One page of the change feed. Unlike other lists, {@code nextCursor} is never null: the feed has no
 * last page, and a follower keeps asking from there; {@code hasMore} says whether it can ask at once.
 */
public record ChangeFeedPage(List<FeedEvent> items, String nextCursor, boolean hasMore) {
}
