package dev.accords.agreement;

import dev.accords.paging.PageCursor;

/** Filters, order and keyset position of a list of agreements. */
public record AgreementQuery(AgreementStatus status, String party, String tag, String titleContains,
                             AgreementSort sort, int limit, PageCursor after) {
}
