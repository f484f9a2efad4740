package dev.accords.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/**
 * The agreement's status machine, below HTTP: plain JUnit over every (from, to) pair of statuses,
 * held to the moves the product allows a client to ask for. Anything not listed here is refused,
 * so a new status starts out with no way in or out until someone decides otherwise.
 */
class AgreementTransitionsTest {

    /**
     * The moves a client may request with PATCH status; SIGNED comes only from the last signature,
     * IN_FORCE only from the parties' notifications (dev.accords.ratification).
     */
    private static final Set<String> ALLOWED = Set.of(
            "DRAFT → NEGOTIATING",
            "DRAFT → WITHDRAWN",
            "NEGOTIATING → FINALIZED",
            "NEGOTIATING → WITHDRAWN",
            "FINALIZED → NEGOTIATING",
            "FINALIZED → WITHDRAWN");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(AgreementStatus.values()).flatMap(from -> Arrays.stream(AgreementStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + " → " + to))));
    }

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("everyPair")
    void shouldAllowExactlyTheListedMoves(AgreementStatus from, AgreementStatus to, boolean allowed) {
        assertThat(AgreementTransitions.allows(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} → {1} allowed: {2}")
    @MethodSource("everyPair")
    void shouldRefuseEveryOtherMoveAsAnInvalidTransition(AgreementStatus from, AgreementStatus to, boolean allowed) {
        if (allowed) {
            assertThatCode(() -> AgreementTransitions.require(from, to)).doesNotThrowAnyException();
            return;
        }
        assertThatThrownBy(() -> AgreementTransitions.require(from, to))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ProblemCode.INVALID_STATUS_TRANSITION);
                    assertThat(refusal.getMessage()).contains(to == AgreementStatus.SIGNED
                            ? "when its last signatory signs"
                            : to == AgreementStatus.IN_FORCE ? "once every party has notified its ratification"
                            : "cannot go from " + from + " to " + to);
                });
    }
}
