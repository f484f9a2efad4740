package dev.accords.redline;

/** Where a proposal stands. Only OPEN ones can be decided; the others stay on the record as they ended. */
public enum ProposalStatus {
    OPEN, ACCEPTED, REJECTED, WITHDRAWN
}
