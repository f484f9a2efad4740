package dev.accords.redline;

import java.util.UUID;

/**
 * One side of a comparison: a clause revision (its number) or a proposal (its id, and the revision it
 * is based on), with who wrote its text when that is known.
 */
public record ComparisonSide(Kind kind, Integer revision, UUID proposalId, String author, String partyCode) {

    public enum Kind {
        REVISION, PROPOSAL
    }
}
