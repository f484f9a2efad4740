package dev.accords.signatory;

/** Where a signatory stands: PENDING until they sign (SIGNED) or refuse to (DECLINED). */
public enum SignatoryStatus {
    PENDING, SIGNED, DECLINED
}
