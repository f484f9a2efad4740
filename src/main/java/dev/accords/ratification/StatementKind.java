package dev.accords.ratification;

/** A reservation excludes or modifies a clause's effect for the party; a declaration states how it reads it. */
public enum StatementKind {
    RESERVATION, DECLARATION
}
