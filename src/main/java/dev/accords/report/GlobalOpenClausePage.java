package dev.accords.report;

import java.util.List;

/** One page of open clauses across agreements; {@code nextCursor} is null on the last page. */
public record GlobalOpenClausePage(List<GlobalOpenClause> items, String nextCursor) {
}
