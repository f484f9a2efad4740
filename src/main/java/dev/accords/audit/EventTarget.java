package dev.accords.audit;

/** The kind of resource an event is about. */
public enum EventTarget {
    AGREEMENT, CLAUSE, SIGNATORY
}
