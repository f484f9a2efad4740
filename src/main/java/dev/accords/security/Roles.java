package dev.accords.security;

/**
 * The three roles a token's {@code groups} claim can carry: readers read, negotiators change
 * agreements, clauses, positions and signatories, admins do everything (including signing for a
 * signatory bound to someone else).
 */
public final class Roles {
    public static final String READER = "reader";
    public static final String NEGOTIATOR = "negotiator";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
