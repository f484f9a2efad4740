package dev.accords.clause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;

import org.hibernate.StatelessSession;

import dev.accords.agreement.AgreementRepository;
import dev.accords.provenance.SourceJson;

/**
 * Reads clauses straight into {@link ClauseView}: the agreement's party codes, the clauses and their
 * positions in one statement, without entities (see {@code dev.accords.database.StatelessReads}).
 * Rows are read by column alias, and this is the one place that maps them.
 *
 * <p>Both reads start from the agreement row, so no row at all means no such agreement (404
 * AGREEMENT_NOT_FOUND), while a row with no clause columns means the agreement has none that match.
 * A clause gives one row per position taken (or one with null position columns).
 */
final class ClauseReads {

    private static final String COLUMNS = """
            pc.party_codes, c.id, c.reference, c.title, c.text, c.topic, c.status, c.status_reason,
            c.status_source::text as status_source, c.priority, c.proposed_by, c.open_since, c.created_at, c.updated_at, c.version,
            p.party_code, p.stance, p.note, p.source::text as position_source, p.updated_at as position_updated_at""";

    /**
     * The agreement's party codes, computed once for its one row: as a subquery in the select list
     * PostgreSQL would run it again for every clause-position row.
     */
    private static final String PARTY_CODES = """
            cross join lateral (select string_agg(ap.code, ',' order by ap.ordinal) as party_codes
              from agreement_parties ap where ap.agreement_id = a.id) pc""";

    private static final String BY_ID = "select " + COLUMNS + """

            from agreements a
            """ + PARTY_CODES + """

            left join clauses c on c.agreement_id = a.id and c.id = :clause
            left join clause_positions p on p.clause_id = c.id
            where a.id = :agreement""";

    private ClauseReads() {
    }

    static ClauseView byId(StatelessSession session, UUID agreementId, UUID clauseId) {
        List<Tuple> rows = session.createNativeQuery(BY_ID, Tuple.class)
                .setParameter("agreement", agreementId).setParameter("clause", clauseId).getResultList();
        List<ClauseView> found = views(agreementId, rows);
        if (found.isEmpty()) {
            throw ClauseRepository.notFound(clauseId);
        }
        return found.get(0);
    }

    /** The page's clauses (at most {@code limit + 1}, in list order) for {@link dev.accords.paging.Slice}. */
    static List<ClauseView> page(StatelessSession session, ClauseQuery query) {
        StringBuilder filters = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            filters.append(" and c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.topic() != null) {
            filters.append(" and c.topic = :topic");
            params.put("topic", query.topic());
        }
        if (query.priority() != null) {
            filters.append(" and c.priority = :priority");
            params.put("priority", query.priority().name());
        }
        if (query.open() != null) {
            filters.append(query.open() ? " and c.status = any(:open)" : " and c.status <> all(:open)");
            params.put("open", ClauseStatus.OPEN.stream().map(Enum::name).toArray(String[]::new));
        }
        if (query.after() != null) {
            filters.append(" and (c.created_at, c.id) > (:afterValue, :afterId)");
            params.put("afterValue", query.after().instantValue());
            params.put("afterId", query.after().id());
        }
        String sql = "select " + COLUMNS + """

                from agreements a
                """ + PARTY_CODES + """

                left join lateral (
                  select c.* from clauses c where c.agreement_id = a.id%s
                  order by c.created_at, c.id limit :rows) c on true
                left join clause_positions p on p.clause_id = c.id
                where a.id = :agreement
                order by c.created_at, c.id""".formatted(filters);
        TypedQuery<Tuple> select = session.createNativeQuery(sql, Tuple.class)
                .setParameter("agreement", query.agreementId()).setParameter("rows", query.limit() + 1);
        params.forEach(select::setParameter);
        return views(query.agreementId(), select.getResultList());
    }

    /** Folds the rows (a clause's rows are adjacent) into views; no row at all is 404 AGREEMENT_NOT_FOUND. */
    private static List<ClauseView> views(UUID agreementId, List<Tuple> rows) {
        if (rows.isEmpty()) {
            throw AgreementRepository.notFound(agreementId);
        }
        String codes = rows.get(0).get("party_codes", String.class);
        List<String> parties = codes == null ? List.of() : Arrays.asList(codes.split(","));
        Map<UUID, List<Tuple>> byClause = new LinkedHashMap<>();
        for (Tuple row : rows) {
            UUID id = row.get("id", UUID.class);
            if (id != null) {
                byClause.computeIfAbsent(id, k -> new ArrayList<>(parties.size())).add(row);
            }
        }
        List<ClauseView> views = new ArrayList<>(byClause.size());
        byClause.values().forEach(clauseRows -> views.add(view(agreementId, parties, clauseRows)));
        return views;
    }

    private static ClauseView view(UUID agreementId, List<String> parties, List<Tuple> rows) {
        Map<String, PositionView> taken = new HashMap<>();
        for (Tuple row : rows) {
            String code = row.get("party_code", String.class);
            if (code != null) {
                taken.put(code, new PositionView(code, Stance.valueOf(row.get("stance", String.class)),
                        row.get("note", String.class), SourceJson.read(row.get("position_source", String.class)),
                        row.get("position_updated_at", Instant.class)));
            }
        }
        Tuple c = rows.get(0);
        return new ClauseView(c.get("id", UUID.class), agreementId, c.get("reference", String.class),
                c.get("title", String.class), c.get("text", String.class), c.get("topic", String.class),
                ClauseStatus.valueOf(c.get("status", String.class)), c.get("status_reason", String.class),
                SourceJson.read(c.get("status_source", String.class)), ClausePriority.valueOf(c.get("priority", String.class)), c.get("proposed_by", String.class),
                ClauseView.positions(parties, taken), c.get("open_since", Instant.class),
                c.get("created_at", Instant.class), c.get("updated_at", Instant.class),
                c.get("version", Number.class).longValue());
    }
}
