package dev.accords.redline;

import java.util.List;

/** One page of a clause's proposals, oldest first; {@code nextCursor} is null on the last page. */
public record ProposalPage(List<ProposalView> items, String nextCursor) {
}
