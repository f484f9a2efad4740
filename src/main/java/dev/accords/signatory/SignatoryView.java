package dev.accords.signatory;

import java.time.Instant;
import java.util.UUID;

/** A signatory as the API returns it. {@code version} is also the ETag. */
public record SignatoryView(
        UUID id,
        String name,
        String role,
        String partyCode,
        Integer signingOrder,
        SignatoryStatus status,
        Instant signedAt,
        String signedPlace,
        String declineReason,
        String principal,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static SignatoryView of(Signatory s) {
        return new SignatoryView(s.id, s.name, s.role, s.partyCode, s.signingOrder, s.status, s.signedAt,
                s.signedPlace, s.declineReason, s.principal, s.createdAt, s.updatedAt, s.version);
    }
}
