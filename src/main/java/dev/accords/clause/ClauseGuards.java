package dev.accords.clause;

import java.util.List;

import org.hibernate.exception.ConstraintViolationException;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementStatus;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;
import dev.accords.problem.ProblemResponses;

/** The rules several clause changes share; the agreement-wide ones (read-only, party codes) are {@link Agreement}'s. */
final class ClauseGuards {

    private ClauseGuards() {
    }

    /** While FINALIZED, clause text, status and positions are frozen: reopen first. */
    static void requireNotFinalized(Agreement agreement, String what) {
        if (agreement.status == AgreementStatus.FINALIZED) {
            throw new ApiException(ProblemCode.AGREEMENT_FINALIZED,
                    "the agreement is FINALIZED, so " + what
                            + " is frozen; reopen it (PATCH status NEGOTIATING) first");
        }
    }

    static void requireNoObjections(Clause clause) {
        List<String> objecting = clause.positions.stream().filter(p -> p.stance.objects())
                .map(p -> p.id.partyCode + " " + p.stance).sorted().toList();
        if (!objecting.isEmpty()) {
            throw new ApiException(ProblemCode.CLAUSE_HAS_OBJECTIONS,
                    "clause " + clause.reference + " cannot be AGREED while " + String.join(", ", objecting));
        }
    }

    static ApiException referenceTaken(String reference) {
        return new ApiException(ProblemCode.CLAUSE_REFERENCE_TAKEN,
                "another clause of this agreement already has reference " + reference);
    }

    /** A racing request can still win the unique (agreement, reference) index: answer as if we had seen it. */
    static RuntimeException translateReferenceRace(RuntimeException e, String reference) {
        ConstraintViolationException violation = ProblemResponses.cause(e, ConstraintViolationException.class);
        if (violation != null && "clauses_reference_unique".equals(violation.getConstraintName())) {
            return referenceTaken(reference);
        }
        return e;
    }
}
