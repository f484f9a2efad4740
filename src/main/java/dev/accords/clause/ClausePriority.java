package dev.accords.clause;

/** How urgent a clause is; CRITICAL marks a sticking point. */
public enum ClausePriority {
    LOW, NORMAL, HIGH, CRITICAL
}
