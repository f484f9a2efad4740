package dev.accords.agreement;

/** Where an agreement stands: DRAFT → NEGOTIATING → FINALIZED → SIGNED, or WITHDRAWN. */
public enum AgreementStatus {
    DRAFT, NEGOTIATING, FINALIZED, SIGNED, WITHDRAWN;

    /** SIGNED and WITHDRAWN agreements, with their clauses and signatories, can be read, not changed. */
    public boolean isFinal() {
        return this == SIGNED || this == WITHDRAWN;
    }
}
