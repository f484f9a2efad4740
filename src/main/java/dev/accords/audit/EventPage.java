package dev.accords.audit;

import java.util.List;

/** One page of events, oldest first; {@code nextCursor} is null on the last page. */
public record EventPage(List<EventView> items, String nextCursor) {
}
