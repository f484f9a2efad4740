package dev.accords.clause;

import java.util.UUID;

import dev.accords.paging.PageCursor;

/** Filters and keyset position of an agreement's clause list. */
public record ClauseQuery(UUID agreementId, ClauseStatus status, String topic, ClausePriority priority, Boolean open,
                          int limit, PageCursor after) {
}
