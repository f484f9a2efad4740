package dev.accords.agreement;

import java.util.List;

/** One page of agreements; {@code nextCursor} is null on the last page. */
public record AgreementPage(List<AgreementView> items, String nextCursor) {
}
