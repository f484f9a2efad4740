package dev.accords.agreement;

/** Where an agreement stands: DRAFT → NEGOTIATING → FINALIZED → SIGNED → IN_FORCE, or WITHDRAWN. */
public enum AgreementStatus {
    DRAFT, NEGOTIATING, FINALIZED, SIGNED, IN_FORCE, WITHDRAWN;

    /**
     * SIGNED, IN_FORCE and WITHDRAWN agreements, with their clauses and signatories, can be read, not
     * changed (a SIGNED one still takes its parties' ratification instruments: dev.accords.ratification).
     */
    public boolean isFinal() {
        return this == SIGNED || this == IN_FORCE || this == WITHDRAWN;
    }

    /** SIGNED and IN_FORCE agreements are the record of what was signed: they cannot be deleted. */
    public boolean isSigned() {
        return this == SIGNED || this == IN_FORCE;
    }
}
