package dev.accords.report;

import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;
import dev.accords.paging.PageCursor;
import dev.accords.provenance.Confidence;

/** Filters and keyset position of the open clauses across agreements. */
public record GlobalOpenClauseQuery(String awaitedParty, String topic, ClausePriority priority, ClauseStatus status,
                                    Integer minDaysOpen, Confidence confidence, int limit, PageCursor after) {
}
