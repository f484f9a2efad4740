package dev.accords.ratification;

import java.time.LocalDate;

/**
 * One row of the ratification table: a party, how many instruments it recorded, its latest step
 * (by date, then by recording order) and the date of its notification.
 */
public record PartyRatification(
        String partyCode,
        String partyName,
        PartyRatificationStatus status,
        long instrumentCount,
        InstrumentKind latestKind,
        LocalDate latestDate,
        LocalDate notificationDate) {
}
