package dev.accords.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import org.hibernate.SharedSessionContract;

import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;
import dev.accords.provenance.Confidence;

/**
 * The open-clauses reports in SQL. Each reads open clauses only, through the partial indexes over
 * open clauses (V1__schema.sql), so its cost follows the number of open clauses, never the table;
 * no statement count depends on how many clauses there are.
 */
@ApplicationScoped
class OpenClauseQueries {

    /** The parties of the clause's agreement that do not ACCEPT it, in party order, comma-joined. */
    private static final String AWAITING = """
            array_to_string(array(
              select p.code from agreement_parties p
              where p.agreement_id = c.agreement_id
                and not exists (select 1 from clause_positions cp
                                where cp.clause_id = c.id and cp.party_code = p.code and cp.stance = 'ACCEPTS')
              order by p.ordinal), ',')""";
    /** The clause's OPEN redline proposals, counted through their partial index (V9__redlines.sql). */
    private static final String OPEN_PROPOSALS =
            "(select count(*) from clause_proposals pr where pr.clause_id = c.id and pr.status = 'OPEN')";
    private static final String OPEN = "c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED')";
    /**
     * The weakest confidence among the clause's facts: the source of its status and of each position
     * taken. Null when any of them cites no source at all (unsourced is weaker than REPORTED).
     */
    private static final String WEAKEST = """
            (select case when bool_or(f.confidence is null) then null
                         when bool_or(f.confidence = 'REPORTED') then 'REPORTED' else 'CONFIRMED' end
             from (select c.status_source ->> 'confidence' as confidence
                   union all
                   select cp.source ->> 'confidence' from clause_positions cp where cp.clause_id = c.id) f)""";
    private static final String DAYS_OPEN = "floor(extract(epoch from (statement_timestamp() - c.open_since)) / 86400)::int";
    /** The columns {@link #openClause} reads, by these names. */
    private static final String CLAUSE_COLUMNS = "c.id as id, c.reference as reference, c.title as title, c.topic as topic, "
            + "c.status as status, c.priority as priority, c.proposed_by as proposed_by, c.open_since as open_since, "
            + DAYS_OPEN + " as days_open, " + AWAITING + " as awaiting, c.priority_rank as priority_rank, "
            + OPEN_PROPOSALS + " as open_proposals, " + WEAKEST + " as weakest_confidence";

    /** Keeps the clauses whose every fact is at least this sure: REPORTED means every fact cites a source. */
    private static String atLeast(Confidence confidence) {
        return confidence == null ? "true"
                : confidence == Confidence.CONFIRMED ? WEAKEST + " = 'CONFIRMED'" : WEAKEST + " is not null";
    }

    static final int MAX_LISTED = 1000;

    /**
     * Makes the calling transaction read-only and REPEATABLE READ: every later statement of it sees
     * the snapshot its first query takes. Under READ COMMITTED each statement would see its own.
     * It must come before any query of the transaction (PostgreSQL refuses it after one).
     */
    void readOneSnapshot(SharedSessionContract session) {
        session.createNativeQuery("set transaction isolation level repeatable read, read only").executeUpdate();
    }

    /** An agreement's header and its most urgent open clauses. */
    record AgreementOpenClauses(String title, String status, long signatories, List<OpenClause> openClauses) {
    }

    /**
     * The agreement and its most urgent open clauses, at most {@link #MAX_LISTED} (openapi.yaml bounds
     * the list; the totals and counts still cover every open clause), in one statement: the agreement's
     * row joined to each clause listed, or once to nulls when none is open. Empty when there is no
     * such agreement.
     */
    Optional<AgreementOpenClauses> agreementWithOpenClauses(SharedSessionContract session, UUID agreementId,
                                                            Confidence confidence) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = session.createNativeQuery("""
                        select a.title as agreement_title, a.status as agreement_status,
                          (select count(*) from signatories s where s.agreement_id = ?1) as signatories, listed.*
                        from agreements a left join lateral (
                          select %s from clauses c where c.agreement_id = a.id and %s and %s
                          order by c.priority_rank, c.open_since, c.id limit ?2) listed on true
                        where a.id = ?1
                        order by listed.priority_rank, listed.open_since, listed.id""".formatted(CLAUSE_COLUMNS, OPEN,
                                atLeast(confidence)),
                        Tuple.class)
                .setParameter(1, agreementId).setParameter(2, MAX_LISTED).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple agreement = rows.get(0);
        List<OpenClause> open = rows.stream().filter(row -> row.get("id") != null).map(OpenClauseQueries::openClause)
                .toList();
        return Optional.of(new AgreementOpenClauses(agreement.get("agreement_title", String.class),
                agreement.get("agreement_status", String.class), agreement.get("signatories", Number.class).longValue(),
                open));
    }

    /** Totals and counts in one statement: one row per dimension and bucket, with its number of clauses. */
    Map<String, Map<String, Integer>> counts(SharedSessionContract session, UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = session.createNativeQuery("""
                        with open_clause as (
                          select c.topic, c.priority, c.status, %s as awaiting
                          from clauses c where c.agreement_id = ?1 and %s)
                        select 'status' as dimension, status as bucket, count(*) as clauses from open_clause group by status
                        union all select 'topic', topic, count(*) from open_clause where topic is not null group by topic
                        union all select 'priority', priority, count(*) from open_clause group by priority
                        union all select 'party', party, count(*)
                          from open_clause, unnest(string_to_array(nullif(awaiting, ''), ',')) as party group by party
                        """.formatted(AWAITING, OPEN), Tuple.class)
                .setParameter(1, agreementId).getResultList();
        Map<String, Map<String, Integer>> counts = emptyCounts();
        for (Tuple row : rows) {
            counts.get(row.get("dimension", String.class))
                    .put(row.get("bucket", String.class), row.get("clauses", Number.class).intValue());
        }
        return counts;
    }

    /** The dimensions the report counts by, each still empty: the shape of {@link #counts}. */
    static Map<String, Map<String, Integer>> emptyCounts() {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dimension : List.of("status", "topic", "priority", "party")) {
            counts.put(dimension, new LinkedHashMap<>());
        }
        return counts;
    }

    /** An open clause of the global list, with the urgency rank its keyset cursor needs. */
    record GlobalRow(GlobalOpenClause clause, short priorityRank) {
    }

    /** One page plus one row of the global list, so the caller knows whether another page follows. */
    List<GlobalRow> globalPage(SharedSessionContract session, GlobalOpenClauseQuery query) {
        StringBuilder sql = new StringBuilder("select a.id as agreement_id, a.title as agreement_title, ")
                .append(CLAUSE_COLUMNS)
                .append(" from clauses c join agreements a on a.id = c.agreement_id")
                .append(" where ").append(OPEN).append(" and a.status not in ('SIGNED', 'IN_FORCE', 'WITHDRAWN')")
                .append(" and ").append(atLeast(query.confidence()));
        List<Object> params = new ArrayList<>();
        if (query.awaitedParty() != null) {
            sql.append(" and exists (select 1 from agreement_parties p where p.agreement_id = c.agreement_id and p.code = ?")
                    .append(params.size() + 1).append(")");
            sql.append(" and not exists (select 1 from clause_positions cp where cp.clause_id = c.id and cp.party_code = ?")
                    .append(params.size() + 1).append(" and cp.stance = 'ACCEPTS')");
            params.add(query.awaitedParty());
        }
        if (query.topic() != null) {
            params.add(query.topic());
            sql.append(" and c.topic = ?").append(params.size());
        }
        if (query.priority() != null) {
            params.add(query.priority().name());
            sql.append(" and c.priority = ?").append(params.size());
        }
        if (query.status() != null) {
            params.add(query.status().name());
            sql.append(" and c.status = ?").append(params.size());
        }
        if (query.minDaysOpen() != null) {
            params.add(query.minDaysOpen());
            sql.append(" and c.open_since <= statement_timestamp() - make_interval(days => ?").append(params.size()).append(")");
        }
        if (query.after() != null) {
            params.add((short) query.after().longValue(0));
            params.add(query.after().instantValue(1));
            params.add(query.after().id());
            int n = params.size();
            sql.append(" and (c.priority_rank, c.open_since, c.id) > (?").append(n - 2).append(", ?").append(n - 1)
                    .append(", ?").append(n).append(")");
        }
        // The limit is a parameter too: one SQL text per filter combination, so pgjdbc's statement cache
        // keeps it prepared on the server whatever limit clients ask for.
        params.add(query.limit() + 1);
        sql.append(" order by c.priority_rank, c.open_since, c.id limit ?").append(params.size());
        Query nativeQuery = session.createNativeQuery(sql.toString(), Tuple.class);
        for (int i = 0; i < params.size(); i++) {
            nativeQuery.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = nativeQuery.getResultList();
        return rows.stream().map(row -> {
            OpenClause clause = openClause(row);
            return new GlobalRow(new GlobalOpenClause(row.get("agreement_id", UUID.class),
                    row.get("agreement_title", String.class), clause.id(), clause.reference(), clause.title(),
                    clause.topic(), clause.status(), clause.priority(), clause.proposedBy(), clause.blocking(),
                    clause.openSince(), clause.daysOpen(), clause.awaiting(), clause.openProposals(),
                    clause.weakestConfidence()),
                    row.get("priority_rank", Number.class).shortValue());
        }).toList();
    }

    /** One row of {@link #CLAUSE_COLUMNS}, by column name. */
    private static OpenClause openClause(Tuple row) {
        ClauseStatus status = ClauseStatus.valueOf(row.get("status", String.class));
        return new OpenClause(row.get("id", UUID.class), row.get("reference", String.class), row.get("title", String.class),
                row.get("topic", String.class), status, ClausePriority.valueOf(row.get("priority", String.class)),
                row.get("proposed_by", String.class), status.isBlocking(), row.get("open_since", Instant.class),
                row.get("days_open", Number.class).intValue(), codes(row.get("awaiting", String.class)),
                row.get("open_proposals", Number.class).intValue(),
                confidence(row.get("weakest_confidence", String.class)));
    }

    private static Confidence confidence(String name) {
        return name == null ? null : Confidence.valueOf(name);
    }

    private static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
