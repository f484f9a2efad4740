package dev.accords.signatory;

import java.util.List;
import java.util.stream.Collectors;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementStatus;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/** The refusals that several signatory operations share, each with its own stable problem code. */
final class SignatoryRules {

    private SignatoryRules() {
    }

    /** Signing and declining answer the finalized text, so they need a FINALIZED agreement. */
    static void requireFinalized(Agreement agreement, String action) {
        if (agreement.status != AgreementStatus.FINALIZED) {
            throw new ApiException(ProblemCode.AGREEMENT_NOT_FINALIZED,
                    "the agreement is " + agreement.status + "; a signatory can " + action
                            + " only while it is FINALIZED");
        }
    }

    /** A signature is final: it cannot be given twice, taken back, edited or removed. */
    static void requireNotSigned(Signatory signatory, String refused) {
        if (signatory.status == SignatoryStatus.SIGNED) {
            throw new ApiException(ProblemCode.SIGNATORY_ALREADY_SIGNED,
                    signatory.label() + " signed at " + signatory.signedAt + "; " + refused);
        }
    }

    /**
     * Keeps "a higher number waits for every lower one" true of the signatures already given: a
     * signatory cannot be placed before someone who has signed, or that signature was out of order.
     */
    static void requireNoLaterSignature(SignatoryRepository signatories, Agreement agreement, String name,
                                        Integer order) {
        if (order == null) {
            return;
        }
        List<Signatory> signed = signatories.signedAfter(agreement.id, order);
        if (!signed.isEmpty()) {
            throw new ApiException(ProblemCode.SIGNATORY_OUT_OF_ORDER,
                    name + " cannot take signing order " + order + ": " + labels(signed)
                            + (signed.size() == 1 ? " has" : " have") + " already signed with a later order");
        }
    }

    static String labels(List<Signatory> signatories) {
        return signatories.stream().map(Signatory::labelWithStatus).collect(Collectors.joining(", "));
    }
}
