package dev.accords.agreement;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Tuple;

import org.hibernate.StatelessSession;

/**
 * Reads agreements straight into {@link AgreementView}, in one statement and without entities
 * (see {@code dev.accords.database.StatelessReads}). The rows are read by column alias, and this is
 * the one place that maps them.
 */
final class AgreementReads {

    /** One row per party, in party order; an agreement without parties gives one row with null party columns. */
    private static final String BY_ID = """
            select a.id, a.title, a.summary, a.status, a.tags, a.planned_signing_date, a.signing_place,
                   a.created_at, a.updated_at, a.finalized_at, a.signed_at,
                   a.entry_into_force_rule, a.entry_into_force_days, a.entry_into_force_date, a.version,
                   p.code as party_code, p.name as party_name
            from agreements a left join agreement_parties p on p.agreement_id = a.id
            where a.id = ?1
            order by p.ordinal""";

    private AgreementReads() {
    }

    static Optional<AgreementView> byId(StatelessSession session, UUID id) {
        List<Tuple> rows = session.createNativeQuery(BY_ID, Tuple.class).setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Party> parties = new ArrayList<>(rows.size());
        for (Tuple row : rows) {
            String code = row.get("party_code", String.class);
            if (code != null) {
                parties.add(new Party(code, row.get("party_name", String.class)));
            }
        }
        Tuple a = rows.get(0);
        return Optional.of(new AgreementView(a.get("id", UUID.class), a.get("title", String.class),
                a.get("summary", String.class), List.copyOf(parties), textArray(a.get("tags")),
                AgreementStatus.valueOf(a.get("status", String.class)), a.get("planned_signing_date", LocalDate.class),
                a.get("signing_place", String.class), a.get("created_at", Instant.class), a.get("updated_at", Instant.class),
                a.get("finalized_at", Instant.class), a.get("signed_at", Instant.class),
                rule(a.get("entry_into_force_rule", String.class)),
                a.get("entry_into_force_days", Integer.class), a.get("entry_into_force_date", LocalDate.class),
                a.get("version", Number.class).longValue()));
    }

    private static EntryIntoForceRule rule(String column) {
        return column == null ? null : EntryIntoForceRule.valueOf(column);
    }

    /** A text[] column, as the driver hands it to a native query. */
    private static List<String> textArray(Object column) {
        try {
            Object values = column instanceof Array array ? array.getArray() : column;
            return values == null ? List.of() : List.copyOf(Arrays.asList((String[]) values));
        } catch (SQLException e) {
            throw new IllegalStateException("unreadable text[] column", e);
        }
    }
}
