package dev.accords.ratification;

import java.util.List;

/** One page of an agreement's instruments; {@code nextCursor} is null on the last page. */
public record InstrumentPage(List<InstrumentView> items, String nextCursor) {
}
