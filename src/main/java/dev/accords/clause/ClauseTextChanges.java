package dev.accords.clause;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.accords.agreement.Agreement;
import dev.accords.paging.Timestamps;

/**
 * The clause's side of a text change made elsewhere (an accepted redline proposal): the same guards
 * as a text patch and the same revision recording, so the clause's revisions list shows it. The
 * caller owns the transaction and holds the clause row lock ({@link ClauseRepository#requireForUpdate}).
 */
@ApplicationScoped
public class ClauseTextChanges {

    @Inject
    ClauseRepository clauses;
    @Inject
    RevisionRecorder revisions;

    /** Refuses as a text patch would: on a SIGNED or WITHDRAWN agreement (read-only), or a FINALIZED one. */
    public static void requireTextChangeable(Agreement agreement) {
        agreement.requireChangeable();
        ClauseGuards.requireNotFinalized(agreement, "the clause's text");
    }

    /**
     * Makes {@code text} the clause's text as its next revision, written by {@code author} for
     * {@code partyCode}, and returns that revision's number. A text equal to the current one still
     * makes a revision: the acceptance is a decision worth its own entry.
     */
    public int replaceText(Agreement agreement, Clause clause, String text, String author, String partyCode) {
        requireTextChangeable(agreement);
        clause.text = text;
        clause.updatedAt = Timestamps.now();
        int number = clause.advanceRevision();
        clauses.flush();
        revisions.record(clause, agreement.partyCodes(), List.of("text"), author, partyCode);
        return number;
    }
}
