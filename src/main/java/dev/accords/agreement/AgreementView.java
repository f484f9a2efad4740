package dev.accords.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement as the API returns it. {@code version} is also the ETag. */
public record AgreementView(
        UUID id,
        String title,
        String summary,
        List<Party> parties,
        List<String> tags,
        AgreementStatus status,
        LocalDate plannedSigningDate,
        String signingPlace,
        Instant createdAt,
        Instant updatedAt,
        Instant finalizedAt,
        Instant signedAt,
        EntryIntoForceRule entryIntoForceRule,
        Integer entryIntoForceDays,
        LocalDate entryIntoForceDate,
        long version) {

    public static AgreementView of(Agreement a) {
        return new AgreementView(a.id, a.title, a.summary,
                a.parties.stream().map(p -> new Party(p.id.code, p.name)).toList(),
                List.copyOf(a.tags), a.status, a.plannedSigningDate, a.signingPlace,
                a.createdAt, a.updatedAt, a.finalizedAt, a.signedAt,
                a.entryIntoForceRule, a.entryIntoForceDays, a.entryIntoForceDate, a.version);
    }
}
