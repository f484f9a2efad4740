package dev.accords.redline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import dev.accords.redline.TextOperation.Kind;

/**
 * The word-level comparison of two texts. Each text is cut into tokens, runs of whitespace and runs
 * of anything else, so no character is lost: joining the EQUAL and DELETE texts gives {@code from}
 * back exactly, and joining the EQUAL and INSERT texts gives {@code to}. The diff itself is Myers'
 * algorithm from java-diff-utils, over the tokens.
 *
 * <p>Myers costs (N + M) x D for D edits: small for a redline, but two unrelated 20,000-character
 * texts took 6 s of CPU (measured). So the search stops after {@link #MAX_EDIT_STEPS} steps and the
 * answer becomes coarse: the common start and end as EQUAL, everything between as one DELETE and
 * one INSERT (still exact, only less fine-grained). A comparison then costs at most tens of milliseconds.
 */
final class WordDiff {

    static final int MAX_EDIT_STEPS = 1000;

    private static final Pattern TOKEN = Pattern.compile("\\s+|\\S+");

    /** What the comparison found; {@code coarse} when it gave up on word level (see above). */
    record Result(List<TextOperation> operations, boolean coarse) {
    }

    private WordDiff() {
    }

    /** The operations from {@code from} to {@code to}; INSERT and DELETE go to {@code author} and {@code partyCode}. */
    static Result compare(String from, String to, String author, String partyCode) {
        return compare(from, to, author, partyCode, MAX_EDIT_STEPS);
    }

    static Result compare(String from, String to, String author, String partyCode, int maxEditSteps) {
        List<String> source = tokens(from);
        List<String> target = tokens(to);
        Patch<String> patch;
        try {
            patch = DiffUtils.diff(source, target, new MyersDiff<>(), new Budget(maxEditSteps));
        } catch (BudgetExceeded e) {
            return new Result(coarse(source, target, author, partyCode), true);
        }
        List<TextOperation> operations = new ArrayList<>();
        int next = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int at = delta.getSource().getPosition();
            add(operations, Kind.EQUAL, source.subList(next, at), null, null);
            add(operations, Kind.DELETE, delta.getSource().getLines(), author, partyCode);
            add(operations, Kind.INSERT, delta.getTarget().getLines(), author, partyCode);
            next = at + delta.getSource().size();
        }
        add(operations, Kind.EQUAL, source.subList(next, source.size()), null, null);
        return new Result(joinChanges(operations, author, partyCode), false);
    }

    /**
     * Myers keeps every token it can, so replacing "assurances" with "security guarantees" comes out
     * as DELETE "assurances", INSERT "security", EQUAL " ", INSERT "guarantees": the space they share
     * splits one change in two. A reader sees one change, so whitespace kept between two changes
     * joins them: it goes into both the DELETE and the INSERT of the joined change, in place, which
     * keeps both texts exact.
     */
    private static List<TextOperation> joinChanges(List<TextOperation> operations, String author, String partyCode) {
        List<TextOperation> joined = new ArrayList<>();
        StringBuilder deleted = new StringBuilder();
        StringBuilder inserted = new StringBuilder();
        boolean inChange = false;
        for (int i = 0; i < operations.size(); i++) {
            TextOperation operation = operations.get(i);
            boolean bridging = operation.op() == Kind.EQUAL && inChange && operation.text().isBlank()
                    && i + 1 < operations.size() && operations.get(i + 1).op() != Kind.EQUAL;
            if (operation.op() == Kind.EQUAL && !bridging) {
                flush(joined, deleted, inserted, author, partyCode);
                inChange = false;
                joined.add(operation);
                continue;
            }
            inChange = true;
            if (operation.op() != Kind.INSERT) {
                deleted.append(operation.text());
            }
            if (operation.op() != Kind.DELETE) {
                inserted.append(operation.text());
            }
        }
        flush(joined, deleted, inserted, author, partyCode);
        return joined;
    }

    private static void flush(List<TextOperation> joined, StringBuilder deleted, StringBuilder inserted, String author,
                              String partyCode) {
        if (!deleted.isEmpty()) {
            joined.add(new TextOperation(Kind.DELETE, deleted.toString(), author, partyCode));
        }
        if (!inserted.isEmpty()) {
            joined.add(new TextOperation(Kind.INSERT, inserted.toString(), author, partyCode));
        }
        deleted.setLength(0);
        inserted.setLength(0);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** The common start and end tokens, and one DELETE and one INSERT for what lies between. */
    private static List<TextOperation> coarse(List<String> source, List<String> target, String author,
                                              String partyCode) {
        int start = 0;
        while (start < source.size() && start < target.size() && source.get(start).equals(target.get(start))) {
            start++;
        }
        int end = 0;
        while (end < source.size() - start && end < target.size() - start
                && source.get(source.size() - 1 - end).equals(target.get(target.size() - 1 - end))) {
            end++;
        }
        List<TextOperation> operations = new ArrayList<>();
        add(operations, Kind.EQUAL, source.subList(0, start), null, null);
        add(operations, Kind.DELETE, source.subList(start, source.size() - end), author, partyCode);
        add(operations, Kind.INSERT, target.subList(start, target.size() - end), author, partyCode);
        add(operations, Kind.EQUAL, source.subList(source.size() - end, source.size()), null, null);
        return operations;
    }

    private static void add(List<TextOperation> operations, Kind kind, List<String> tokens, String author,
                            String partyCode) {
        if (!tokens.isEmpty()) {
            boolean attributed = kind != Kind.EQUAL;
            operations.add(new TextOperation(kind, String.join("", tokens), attributed ? author : null,
                    attributed ? partyCode : null));
        }
    }

    /** Myers reports each edit distance it reaches; past the budget, the search stops. */
    private record Budget(int maxSteps) implements DiffAlgorithmListener {

        @Override
        public void diffStart() {
            // nothing to prepare
        }

        @Override
        public void diffStep(int value, int max) {
            if (value > maxSteps) {
                throw new BudgetExceeded();
            }
        }

        @Override
        public void diffEnd() {
            // nothing to release
        }
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }
}
