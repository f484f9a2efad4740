package dev.accords.report;

/** How many clauses are open, how many of those block finalization, how many are deferred. */
public record OpenClauseTotals(int open, int blocking, int deferred) {
}
