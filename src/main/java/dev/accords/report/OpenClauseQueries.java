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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseStatus;

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
    private static final String OPEN = "c.status in ('PROPOSED', 'UNDER_NEGOTIATION', 'DEFERRED')";
    private static final String DAYS_OPEN = "floor(extract(epoch from (statement_timestamp() - c.open_since)) / 86400)::int";
    static final String CLAUSE_COLUMNS = "c.id, c.reference, c.title, c.topic, c.status, c.priority, c.proposed_by, "
            + "c.open_since, " + DAYS_OPEN + " as days_open, " + AWAITING + " as awaiting, c.priority_rank";

    static final int MAX_LISTED = 1000;

    @Inject
    EntityManager em;

    record AgreementHeader(String title, String status, long signatories) {
    }

    Optional<AgreementHeader> header(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.title, a.status, (select count(*) from signatories s where s.agreement_id = a.id)
                        from agreements a where a.id = ?1""")
                .setParameter(1, agreementId).getResultList();
        return rows.stream().findFirst()
                .map(r -> new AgreementHeader((String) r[0], (String) r[1], ((Number) r[2]).longValue()));
    }

    /**
     * The most urgent open clauses of one agreement, at most {@link #MAX_LISTED} (openapi.yaml bounds
     * the list; the totals and counts still cover every open clause).
     */
    List<OpenClause> openClauses(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + CLAUSE_COLUMNS + " from clauses c where c.agreement_id = ?1 and "
                        + OPEN + " order by c.priority_rank, c.open_since, c.id limit ?2")
                .setParameter(1, agreementId).setParameter(2, MAX_LISTED).getResultList();
        return rows.stream().map(r -> new OpenClause((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                ClauseStatus.valueOf((String) r[4]), ClausePriority.valueOf((String) r[5]), (String) r[6],
                ClauseStatus.valueOf((String) r[4]).isBlocking(), (Instant) r[7], ((Number) r[8]).intValue(),
                codes((String) r[9]))).toList();
    }

    /** Totals and counts in one statement: dimension, key, count. */
    Map<String, Map<String, Integer>> counts(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with open_clause as (
                          select c.topic, c.priority, c.status, %s as awaiting
                          from clauses c where c.agreement_id = ?1 and %s)
                        select 'status', status, count(*) from open_clause group by status
                        union all select 'topic', topic, count(*) from open_clause where topic is not null group by topic
                        union all select 'priority', priority, count(*) from open_clause group by priority
                        union all select 'party', party, count(*)
                          from open_clause, unnest(string_to_array(nullif(awaiting, ''), ',')) as party group by party
                        """.formatted(AWAITING, OPEN))
                .setParameter(1, agreementId).getResultList();
        Map<String, Map<String, Integer>> counts = emptyCounts();
        for (Object[] row : rows) {
            counts.get((String) row[0]).put((String) row[1], ((Number) row[2]).intValue());
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

    List<Object[]> globalPage(GlobalOpenClauseQuery query) {
        StringBuilder sql = new StringBuilder("select a.id as agreement_id, a.title as agreement_title, ")
                .append(CLAUSE_COLUMNS)
                .append(" from clauses c join agreements a on a.id = c.agreement_id")
                .append(" where ").append(OPEN).append(" and a.status not in ('SIGNED', 'WITHDRAWN')");
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
        Query nativeQuery = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            nativeQuery.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = nativeQuery.getResultList();
        return rows;
    }

    static List<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
