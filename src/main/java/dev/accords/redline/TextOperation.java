package dev.accords.redline;

/**
 * One step of a word-level comparison: text both sides share (EQUAL, attributed to nobody), or text
 * the {@code to} side inserted or deleted, attributed to that side's author and party.
 */
public record TextOperation(Kind op, String text, String author, String partyCode) {

    public enum Kind {
        EQUAL, INSERT, DELETE
    }
}
