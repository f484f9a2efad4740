package dev.accords.agreement;

import java.util.UUID;

/**
 * What an agreement's lifecycle needs of its signatories. The signatory feature implements it
 * ({@code SignatoriesOfAgreement}), so the agreement feature, which the signatory feature builds on,
 * never depends on it in turn.
 */
public interface AgreementSignatories {

    /** How many of the agreement's signatories have signed. */
    long countSigned(UUID agreementId);

    /**
     * On reopening: sets the signatories who declined back to PENDING, without their reason, and
     * records each change in the audit trail.
     */
    void askDeclinedAgain(UUID agreementId);
}
