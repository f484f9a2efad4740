package dev.accords.clause;

import java.util.List;

/** One page of revisions, oldest first; {@code nextCursor} is null on the last page. */
public record RevisionPage(List<RevisionView> items, String nextCursor) {
}
