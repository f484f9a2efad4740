package dev.accords.clause;

import java.util.EnumSet;
import java.util.Set;

/** Where a clause stands. Open clauses are still on the table; blocking ones stop finalization. */
public enum ClauseStatus {
    PROPOSED, UNDER_NEGOTIATION, DEFERRED, AGREED, REJECTED, WITHDRAWN;

    public static final Set<ClauseStatus> OPEN = EnumSet.of(PROPOSED, UNDER_NEGOTIATION, DEFERRED);
    public static final Set<ClauseStatus> BLOCKING = EnumSet.of(PROPOSED, UNDER_NEGOTIATION);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean isBlocking() {
        return BLOCKING.contains(this);
    }
}
