package dev.accords.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

/**
 * Moves a (locked) agreement along {@link AgreementTransitions} (docs/DOMAIN.md) and does what each move entails:
 * FINALIZED needs no blocking clause, reopening (FINALIZED → NEGOTIATING) needs no signature yet
 * and asks the signatories who declined again. It reads clauses and signatories by count, never
 * loading an agreement's children.
 */
@ApplicationScoped
class AgreementLifecycle {

    /** At most this many blocking clauses go into the problem (openapi.yaml: Problem.blockingClauses). */
    static final int MAX_BLOCKING_LISTED = 100;
    private static final int MAX_REFERENCES_IN_DETAIL = 10;

    @Inject
    AgreementRepository agreements;
    @Inject
    AgreementSignatories signatories;

    /** Moves the agreement to {@code target} or refuses with the rule that stops it. */
    void transition(Agreement agreement, AgreementStatus target) {
        AgreementStatus from = agreement.status;
        AgreementTransitions.require(from, target);
        if (from == AgreementStatus.FINALIZED && target == AgreementStatus.NEGOTIATING) {
            reopen(agreement);
        }
        if (target == AgreementStatus.FINALIZED) {
            requireNoBlockingClauses(agreement);
            agreement.finalizedAt = Timestamps.now();
        } else if (target != AgreementStatus.WITHDRAWN) {
            agreement.finalizedAt = null;
        }
        agreement.status = target;
    }

    private void reopen(Agreement agreement) {
        long signed = signatories.countSigned(agreement.id);
        if (signed > 0) {
            throw new ApiException(ProblemCode.AGREEMENT_HAS_SIGNATURES,
                    signed + " signator" + (signed == 1 ? "y has" : "ies have")
                            + " already signed; a signed text cannot be reopened");
        }
        // Declinations answered the finalized text; the reopened text asks again.
        signatories.askDeclinedAgain(agreement.id);
    }

    private void requireNoBlockingClauses(Agreement agreement) {
        AgreementRepository.BlockingClauses blocking = agreements.blockingClauses(agreement.id, MAX_BLOCKING_LISTED);
        if (blocking.total() == 0) {
            return;
        }
        List<Map<String, Object>> clauses = new ArrayList<>();
        for (AgreementRepository.BlockingClause clause : blocking.listed()) {
            Map<String, Object> listed = new LinkedHashMap<>();
            listed.put("id", clause.id().toString());
            listed.put("reference", clause.reference());
            listed.put("status", clause.status());
            clauses.add(listed);
        }
        String references = blocking.listed().stream().limit(MAX_REFERENCES_IN_DETAIL)
                .map(AgreementRepository.BlockingClause::reference).collect(Collectors.joining(", "));
        long total = blocking.total();
        if (total > MAX_REFERENCES_IN_DETAIL) {
            references += " and " + (total - MAX_REFERENCES_IN_DETAIL) + " more";
        }
        throw new ApiException(ProblemCode.AGREEMENT_HAS_BLOCKING_CLAUSES,
                total + " clause" + (total == 1 ? " is" : "s are")
                        + " still PROPOSED or UNDER_NEGOTIATION: " + references
                        + "; agree, reject, withdraw or defer them first",
                List.of(), Map.of("blockingClauses", clauses));
    }
}
