package dev.accords.agreement;

import static dev.accords.agreement.AgreementStatus.DRAFT;
import static dev.accords.agreement.AgreementStatus.FINALIZED;
import static dev.accords.agreement.AgreementStatus.IN_FORCE;
import static dev.accords.agreement.AgreementStatus.NEGOTIATING;
import static dev.accords.agreement.AgreementStatus.SIGNED;
import static dev.accords.agreement.AgreementStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/**
 * The agreement's status machine as a table: to which status a client may move an agreement from
 * which. DRAFT → NEGOTIATING → FINALIZED, FINALIZED → NEGOTIATING to reopen, and WITHDRAWN from any
 * state that is not final. SIGNED is in no row: an agreement becomes SIGNED only through its last
 * signature (SigningService), never by request, and IN_FORCE only once every party has notified its
 * ratification (dev.accords.ratification). SIGNED, IN_FORCE and WITHDRAWN are final for clients.
 *
 * <p>Pure: no database, no side effects. What a move entails (the blocking-clause check before
 * FINALIZED, the signatures check and the declinations reset when reopening) is
 * {@link AgreementLifecycle}'s.
 */
public final class AgreementTransitions {

    private static final Map<AgreementStatus, Set<AgreementStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(NEGOTIATING, WITHDRAWN),
            NEGOTIATING, EnumSet.of(FINALIZED, WITHDRAWN),
            FINALIZED, EnumSet.of(NEGOTIATING, WITHDRAWN),
            SIGNED, EnumSet.noneOf(AgreementStatus.class),
            IN_FORCE, EnumSet.noneOf(AgreementStatus.class),
            WITHDRAWN, EnumSet.noneOf(AgreementStatus.class));

    private AgreementTransitions() {
    }

    /** Whether a client may move an agreement from {@code from} to {@code to} (staying put is no move). */
    public static boolean allows(AgreementStatus from, AgreementStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Refuses a move the table does not allow, with 409 INVALID_STATUS_TRANSITION. */
    public static void require(AgreementStatus from, AgreementStatus to) {
        if (to == SIGNED) {
            throw new ApiException(ProblemCode.INVALID_STATUS_TRANSITION,
                    "an agreement becomes SIGNED when its last signatory signs; it is never set directly");
        }
        if (to == IN_FORCE) {
            throw new ApiException(ProblemCode.INVALID_STATUS_TRANSITION,
                    "an agreement enters into force once every party has notified its ratification; it is never set"
                            + " directly");
        }
        if (!allows(from, to)) {
            throw new ApiException(ProblemCode.INVALID_STATUS_TRANSITION,
                    "an agreement cannot go from " + from + " to " + to
                            + "; allowed: DRAFT → NEGOTIATING → FINALIZED, FINALIZED → NEGOTIATING (reopen),"
                            + " any but SIGNED → WITHDRAWN");
        }
    }
}
