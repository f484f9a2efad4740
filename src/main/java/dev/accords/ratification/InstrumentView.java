package dev.accords.ratification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An instrument as the API returns it. {@code version} is also the ETag (always 0: instruments never change). */
public record InstrumentView(
        UUID id,
        String partyCode,
        InstrumentKind kind,
        LocalDate date,
        String body,
        String reference,
        List<InstrumentStatement> statements,
        Instant createdAt,
        long version) {
}
