package dev.accords.redline;

import java.util.List;

/**
 * What turns the {@code from} text into the {@code to} text, word by word; {@code coarse} when the
 * texts differ too much for a word-level answer and the middle is one DELETE and one INSERT.
 */
public record ClauseComparison(ComparisonSide from, ComparisonSide to, boolean coarse, List<TextOperation> operations) {
}
