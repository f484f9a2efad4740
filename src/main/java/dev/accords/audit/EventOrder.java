package dev.accords.audit;

/**
 * The one order events are read in, by the agreement's trail and the change feed alike: by the
 * transaction that wrote them, then by id, and only those of transactions older than every one still
 * running. Ids are assigned at insert, not at commit, so a reader paging by id alone could step past
 * an event still being committed; behind this horizon nothing can appear any more (V5__change_feed.sql).
 * The fragments name the columns of {@code agreement_events} without an alias and take the named
 * parameters {@code :afterTx} (a transaction id, as text) and {@code :afterId}.
 */
public final class EventOrder {

    /** Events of finished transactions only, none of which can be followed by an older one. */
    public static final String VISIBLE = "tx_id < pg_snapshot_xmin(pg_current_snapshot())";
    /** After the position (:afterTx, :afterId). */
    public static final String AFTER = "(tx_id, id) > (cast(:afterTx as xid8), :afterId)";
    public static final String ORDER_BY = "order by tx_id, id";

    private EventOrder() {
    }
}
