package dev.accords.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Tuple;

import org.hibernate.StatelessSession;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.audit.EventKind;
import dev.accords.audit.EventOrder;
import dev.accords.audit.EventTarget;
import dev.accords.audit.PrivateChanges;
import dev.accords.provenance.SourceJson;

/**
 * The one statement that reads the change feed, straight into {@link FeedEvent}s.
 *
 * <p>It reads in {@link EventOrder}: only events of transactions that started before the oldest one
 * still running ({@code pg_snapshot_xmin} of the statement's own snapshot), all of which have
 * finished, so no event can later appear at a position the feed has already passed. An event of a
 * younger transaction waits, even if it committed, until every older transaction has finished; the
 * wait is as long as the longest write transaction, which the service bounds (statement timeout).
 */
final class ChangeFeedReads {

    private static final TypeReference<Map<String, Object>> CHANGES = new TypeReference<>() {
    };

    /** What a {@link FeedEvent} is read from; {@link #event} maps a row of it. */
    private static final String SELECT_EVENTS = """
            select e.tx_id::text as tx, e.id, e.agreement_id, e.occurred_at, e.actor, e.kind, e.target_type,
                   e.target_id, e.changes::text as changes, e.private_party, e.private_changes::text as private_changes,
                   e.source::text as source
            from agreement_events e
            """;

    private ChangeFeedReads() {
    }

    /** At most {@code query.limit()} events after the query's cursor, in feed order. */
    static List<FeedEvent> after(StatelessSession session, ObjectMapper mapper, FeedQuery query) {
        StringBuilder sql = new StringBuilder(SELECT_EVENTS + "where %s and %s".formatted(EventOrder.AFTER, EventOrder.VISIBLE));
        if (query.agreementId() != null) {
            sql.append(" and e.agreement_id = :agreement");
        }
        if (query.kind() != null) {
            sql.append(" and e.kind = :kind");
        }
        sql.append(' ').append(EventOrder.ORDER_BY).append(" limit :limit");
        NativeQuery<Tuple> select = session.createNativeQuery(sql.toString(), Tuple.class)
                .setParameter("afterTx", Long.toUnsignedString(query.after().txId()))
                .setParameter("afterId", query.after().eventId())
                .setParameter("limit", query.limit());
        if (query.agreementId() != null) {
            select.setParameter("agreement", query.agreementId());
        }
        if (query.kind() != null) {
            select.setParameter("kind", query.kind().name());
        }
        List<FeedEvent> events = new ArrayList<>();
        for (Tuple row : select.getResultList()) {
            events.add(event(mapper, row));
        }
        return events;
    }

    /** The position after the newest event the feed shows now (START when there is none). */
    static FeedCursor head(StatelessSession session) {
        List<Tuple> rows = session.createNativeQuery("""
                        select e.tx_id::text as tx, e.id from agreement_events e
                        where %s
                        %s limit 1""".formatted(EventOrder.VISIBLE, EventOrder.ORDER_BY_NEWEST_FIRST), Tuple.class).getResultList();
        return rows.isEmpty() ? FeedCursor.START
                : new FeedCursor(Long.parseUnsignedLong(rows.get(0).get("tx", String.class)),
                        rows.get(0).get("id", Number.class).longValue());
    }

    /** The events with these ids, whether or not the feed shows them yet (a webhook's event has committed). */
    static List<FeedEvent> byIds(StatelessSession session, ObjectMapper mapper, java.util.Collection<Long> ids) {
        List<FeedEvent> events = new ArrayList<>();
        for (Tuple row : session.createNativeQuery(SELECT_EVENTS + "where e.id in (:ids)", Tuple.class)
                .setParameter("ids", ids).getResultList()) {
            events.add(event(mapper, row));
        }
        return events;
    }

    static boolean agreementExists(StatelessSession session, UUID agreementId) {
        return session.createNativeQuery("select exists (select 1 from agreements where id = :id)", Boolean.class)
                .setParameter("id", agreementId).getSingleResult();
    }

    /** The row's private part, or null; the event tables' column pair is shared with the agreement trail. */
    static PrivateChanges privatePart(ObjectMapper mapper, Tuple row) throws JsonProcessingException {
        String party = row.get("private_party", String.class);
        return party == null ? null : new PrivateChanges(party, mapper.readValue(row.get("private_changes", String.class), CHANGES));
    }

    private static FeedEvent event(ObjectMapper mapper, Tuple row) {
        FeedCursor cursor = new FeedCursor(Long.parseUnsignedLong(row.get("tx", String.class)),
                row.get("id", Number.class).longValue());
        try {
            return new FeedEvent(cursor.encode(), cursor.eventId(), row.get("agreement_id", UUID.class),
                    row.get("occurred_at", Instant.class), row.get("actor", String.class),
                    EventKind.valueOf(row.get("kind", String.class)),
                    EventTarget.valueOf(row.get("target_type", String.class)), row.get("target_id", UUID.class),
                    mapper.readValue(row.get("changes", String.class), CHANGES), SourceJson.read(row.get("source", String.class)), privatePart(mapper, row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
