package dev.accords.ratification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Tuple;

import org.hibernate.StatelessSession;

import dev.accords.agreement.AgreementStatus;
import dev.accords.agreement.EntryIntoForceRule;

/**
 * Reads the ratification table in one statement (see {@code dev.accords.database.StatelessReads}):
 * one row per party, in party order, with its instruments summed up by subqueries over the
 * (agreement, created_at, id) index. An agreement has at most 20 parties.
 */
final class RatificationReads {

    private static final String TABLE = """
            select a.id, a.status, a.entry_into_force_rule, a.entry_into_force_days, a.entry_into_force_date,
                   p.code as party_code, p.name as party_name,
                   (select count(*) from agreement_instruments i
                     where i.agreement_id = a.id and i.party_code = p.code) as instruments,
                   (select bool_or(i.kind <> 'NOTIFICATION') from agreement_instruments i
                     where i.agreement_id = a.id and i.party_code = p.code) as consented,
                   (select i.instrument_date from agreement_instruments i
                     where i.agreement_id = a.id and i.party_code = p.code and i.kind = 'NOTIFICATION') as notified_on,
                   latest.kind as latest_kind, latest.instrument_date as latest_date
            from agreements a
                 left join agreement_parties p on p.agreement_id = a.id
                 left join lateral (select i.kind, i.instrument_date from agreement_instruments i
                                    where i.agreement_id = a.id and i.party_code = p.code
                                    order by i.instrument_date desc, i.created_at desc, i.id desc limit 1) latest on true
            where a.id = ?1
            order by p.ordinal""";

    private RatificationReads() {
    }

    static Optional<RatificationView> table(StatelessSession session, UUID agreementId) {
        List<Tuple> rows = session.createNativeQuery(TABLE, Tuple.class).setParameter(1, agreementId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<PartyRatification> parties = new ArrayList<>(rows.size());
        long notified = 0;
        for (Tuple row : rows) {
            String code = row.get("party_code", String.class);
            if (code == null) {
                continue;
            }
            LocalDate notifiedOn = row.get("notified_on", LocalDate.class);
            Boolean consented = row.get("consented", Boolean.class);
            PartyRatificationStatus status = notifiedOn != null ? PartyRatificationStatus.NOTIFIED
                    : Boolean.TRUE.equals(consented) ? PartyRatificationStatus.RATIFIED : PartyRatificationStatus.PENDING;
            notified += notifiedOn != null ? 1 : 0;
            String latestKind = row.get("latest_kind", String.class);
            parties.add(new PartyRatification(code, row.get("party_name", String.class), status,
                    row.get("instruments", Number.class).longValue(),
                    latestKind == null ? null : InstrumentKind.valueOf(latestKind),
                    row.get("latest_date", LocalDate.class), notifiedOn));
        }
        Tuple a = rows.get(0);
        AgreementStatus status = AgreementStatus.valueOf(a.get("status", String.class));
        String rule = a.get("entry_into_force_rule", String.class);
        LocalDate date = a.get("entry_into_force_date", LocalDate.class);
        return Optional.of(new RatificationView(agreementId, status,
                rule == null ? EntryIntoForceRule.ON_LAST_NOTIFICATION : EntryIntoForceRule.valueOf(rule),
                a.get("entry_into_force_days", Integer.class), date,
                status == AgreementStatus.SIGNED && date != null, notified, List.copyOf(parties)));
    }
}
