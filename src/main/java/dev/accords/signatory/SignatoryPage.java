package dev.accords.signatory;

import java.util.List;

/** One page of an agreement's signatories; {@code nextCursor} is null on the last page. */
public record SignatoryPage(List<SignatoryView> items, String nextCursor) {
}
