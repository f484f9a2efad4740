package dev.accords.ratification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.accords.agreement.AgreementStatus;
import dev.accords.agreement.EntryIntoForceRule;

/**
 * Who has ratified and who is still pending, and when the agreement enters (or entered) into force.
 * {@code entryIntoForceRule} is the rule in effect (ON_LAST_NOTIFICATION when the agreement declares
 * none); {@code entryIntoForceScheduled} is true while the date is set and still ahead.
 */
public record RatificationView(
        UUID agreementId,
        AgreementStatus status,
        EntryIntoForceRule entryIntoForceRule,
        Integer entryIntoForceDays,
        LocalDate entryIntoForceDate,
        boolean entryIntoForceScheduled,
        long partiesNotified,
        List<PartyRatification> parties) {
}
