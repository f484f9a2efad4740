package dev.accords.clause;

/** A party's position on a clause. RESERVES means it wants changes. */
public enum Stance {
    NO_POSITION, ACCEPTS, RESERVES, REJECTS;

    /** A stance that forbids AGREED. */
    public boolean objects() {
        return this == RESERVES || this == REJECTS;
    }
}
