package dev.accords.audit;

/**
 * The one order events are read in, by the agreement's trail and the change feed alike: by the
 * transaction that wrote them, then by id, and only those of transactions older than every one still
 * running. Ids are assigned at insert, not at commit, so a reader paging by id alone could step past
 * an event still being committed; behind this horizon nothing can appear any more (V5__change_feed.sql).
 * The fragments name the columns of {@code agreement_events} through the alias {@code e} and take
 * the named parameters {@code :afterTx} (a transaction id, as text) and {@code :afterId}.
 *
 * <p>The alias is not decoration. ORDER BY resolves a bare name to an output column first, and the
 * queries select the transaction id as text (JDBC has no xid8): with {@code tx_id::text as tx_id},
 * a bare {@code order by tx_id} sorted "999" after "1146", so once transaction ids gained a digit
 * the feed's head went back in time and its pages could skip events. A qualified name is always the
 * table's column.
 */
public final class EventOrder {

    /** Events of finished transactions only, none of which can be followed by an older one. */
    public static final String VISIBLE = "e.tx_id < pg_snapshot_xmin(pg_current_snapshot())";
    /** After the position (:afterTx, :afterId). */
    public static final String AFTER = "(e.tx_id, e.id) > (cast(:afterTx as xid8), :afterId)";
    public static final String ORDER_BY = "order by e.tx_id, e.id";
    /** The reverse order, for the newest event. */
    public static final String ORDER_BY_NEWEST_FIRST = "order by e.tx_id desc, e.id desc";

    private EventOrder() {
    }
}
