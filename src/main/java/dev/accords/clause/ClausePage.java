package dev.accords.clause;

import java.util.List;

/** One page of clauses; {@code nextCursor} is null on the last page. */
public record ClausePage(List<ClauseView> items, String nextCursor) {
}
