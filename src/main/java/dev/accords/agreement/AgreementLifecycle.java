package dev.accords.agreement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;
import dev.accords.paging.Timestamps;

/**
 * The agreement's status machine (docs/DOMAIN.md): DRAFT → NEGOTIATING → FINALIZED → SIGNED, WITHDRAWN
 * from any state but SIGNED, FINALIZED → NEGOTIATING to reopen while nobody has signed. SIGNED is
 * reached only through the last signature. It reads clauses and signatories in SQL, by count, so a
 * transition never loads an agreement's children.
 */
@ApplicationScoped
public class AgreementLifecycle {

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;
    @Inject
    AgreementSignatories signatories;

    /** Moves the (locked) agreement to {@code target} or refuses with the rule that stops it. */
    void transition(Agreement agreement, AgreementStatus target) {
        AgreementStatus from = agreement.status;
        switch (target) {
            case WITHDRAWN -> {
                // allowed from every non-final state
            }
            case NEGOTIATING -> {
                if (from == AgreementStatus.FINALIZED) {
                    reopen(agreement);
                } else if (from != AgreementStatus.DRAFT) {
                    throw refused(from, target);
                }
            }
            case FINALIZED -> {
                if (from != AgreementStatus.NEGOTIATING) {
                    throw refused(from, target);
                }
                requireNoBlockingClauses(agreement.id);
                agreement.finalizedAt = Timestamps.now();
            }
            case SIGNED -> throw new ApiException(ProblemCode.INVALID_STATUS_TRANSITION,
                    "an agreement becomes SIGNED when its last signatory signs; it is never set directly");
            case DRAFT -> throw refused(from, target);
        }
        if (target != AgreementStatus.FINALIZED && target != AgreementStatus.WITHDRAWN) {
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
        @SuppressWarnings("unchecked")
        List<UUID> reset = em.createNativeQuery("""
                        update signatories set status = 'PENDING', decline_reason = null, updated_at = ?2,
                          version = version + 1 where agreement_id = ?1 and status = 'DECLINED' returning id""")
                .setParameter(1, agreement.id).setParameter(2, Timestamps.now()).getResultList();
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("status", "PENDING");
        pending.put("declineReason", null);
        for (UUID signatory : reset) {
            audit.record(agreement.id, EventKind.SIGNATORY_UPDATED, EventTarget.SIGNATORY, signatory, pending);
        }
    }

    /** At most this many blocking clauses go into the problem (openapi.yaml: Problem.blockingClauses). */
    static final int MAX_BLOCKING_LISTED = 100;
    private static final int MAX_REFERENCES_IN_DETAIL = 10;

    private void requireNoBlockingClauses(UUID agreementId) {
        @SuppressWarnings("unchecked")
        List<Tuple> blocking = em.createNativeQuery("""
                        select id, reference, status, count(*) over () as total from clauses
                        where agreement_id = ?1 and status in ('PROPOSED', 'UNDER_NEGOTIATION')
                        order by priority_rank, open_since, id limit ?2""", Tuple.class)
                .setParameter(1, agreementId).setParameter(2, MAX_BLOCKING_LISTED).getResultList();
        if (blocking.isEmpty()) {
            return;
        }
        long total = blocking.get(0).get("total", Number.class).longValue();
        List<Map<String, Object>> clauses = new ArrayList<>();
        for (Tuple row : blocking) {
            Map<String, Object> clause = new LinkedHashMap<>();
            clause.put("id", row.get("id", UUID.class).toString());
            clause.put("reference", row.get("reference", String.class));
            clause.put("status", row.get("status", String.class));
            clauses.add(clause);
        }
        String references = clauses.stream().limit(MAX_REFERENCES_IN_DETAIL).map(c -> (String) c.get("reference"))
                .collect(Collectors.joining(", "));
        if (total > MAX_REFERENCES_IN_DETAIL) {
            references += " and " + (total - MAX_REFERENCES_IN_DETAIL) + " more";
        }
        throw new ApiException(ProblemCode.AGREEMENT_HAS_BLOCKING_CLAUSES,
                total + " clause" + (total == 1 ? " is" : "s are")
                        + " still PROPOSED or UNDER_NEGOTIATION: " + references
                        + "; agree, reject, withdraw or defer them first",
                List.of(), Map.of("blockingClauses", clauses));
    }

    /** Refuses to drop a party that a clause, a position or a signatory still refers to. */
    void requirePartiesUnused(Agreement agreement, List<Party> next) {
        Set<String> kept = next.stream().map(Party::code).collect(Collectors.toSet());
        List<String> removed = agreement.partyCodes().stream().filter(code -> !kept.contains(code)).toList();
        if (removed.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> inUse = em.createNativeQuery("""
                        select party_code from (
                          select proposed_by as party_code from clauses where agreement_id = ?1 and proposed_by = any(?2)
                          union select party_code from clause_positions where agreement_id = ?1 and party_code = any(?2)
                          union select party_code from signatories where agreement_id = ?1 and party_code = any(?2)
                        ) used order by party_code""")
                .setParameter(1, agreement.id).setParameter(2, removed.toArray(String[]::new)).getResultList();
        if (!inUse.isEmpty()) {
            throw new ApiException(ProblemCode.PARTY_IN_USE,
                    "part" + (inUse.size() == 1 ? "y " : "ies ") + String.join(", ", inUse)
                            + " cannot be removed: a clause, position or signatory refers to "
                            + (inUse.size() == 1 ? "it" : "them"),
                    List.of(), Map.of("parties", inUse));
        }
    }

    private static ApiException refused(AgreementStatus from, AgreementStatus to) {
        return new ApiException(ProblemCode.INVALID_STATUS_TRANSITION,
                "an agreement cannot go from " + from + " to " + to
                        + "; allowed: DRAFT → NEGOTIATING → FINALIZED, FINALIZED → NEGOTIATING (reopen),"
                        + " any but SIGNED → WITHDRAWN");
    }
}
