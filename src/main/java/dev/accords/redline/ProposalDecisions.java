package dev.accords.redline;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.clause.Clause;
import dev.accords.clause.ClauseRepository;
import dev.accords.clause.ClauseTextChanges;
import dev.accords.http.ETags;
import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;
import dev.accords.provenance.Provenance;
import dev.accords.security.CurrentActor;
import dev.accords.security.PartyScope;

/**
 * Owns the transactions of the three ends of a proposal: acceptance and rejection, which are joint
 * decisions (not for a token bound to the proposing party), and withdrawal, which is the proposing
 * party's own. Every one locks the proposal row, so two decisions cannot both see it OPEN.
 */
@ApplicationScoped
public class ProposalDecisions {

    @Inject
    AgreementRepository agreements;
    @Inject
    Provenance provenance;
    @Inject
    ClauseRepository clauses;
    @Inject
    ProposalRepository proposals;
    @Inject
    ClauseTextChanges texts;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentActor actor;
    @Inject
    PartyScope partyScope;

    /**
     * Makes the proposal's text the clause's next revision. {@code If-Match} is required and is the
     * clause's ETag: the acceptor confirms which clause text the proposal replaces. The clause row is
     * locked before the proposal's, as every clause change locks it, so an acceptance and a patch of
     * the same clause are serialized.
     */
    @Transactional
    public ProposalView accept(UUID agreementId, UUID clauseId, UUID proposalId, String ifMatch) {
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.requireForUpdate(agreementId, clauseId);
        Proposal proposal = proposals.requireForUpdate(clauseId, proposalId);
        requireJointDecider(proposal, "accept");
        if (ifMatch == null) {
            throw new ApiException(ProblemCode.PRECONDITION_REQUIRED, "accepting a proposal changes the clause's text: "
                    + "send If-Match with the clause's current ETag (\"" + clause.version + "\")");
        }
        ETags.requireMatch(ifMatch, clause.version);
        requireOpen(proposal, "accepted");
        ClauseTextChanges.requireTextChangeable(agreement);
        ProposalService.requireCurrentBase(clause, proposal.basedOnRevision, "accept a proposal");
        int revision = texts.replaceText(agreement, clause, proposal.text, proposal.author, proposal.partyCode);
        decide(proposal, ProposalStatus.ACCEPTED, null);
        proposal.acceptedRevision = revision;
        proposals.flush();
        Map<String, Object> change = ProposalService.Events.of(proposal);
        change.put("acceptedRevision", revision);
        change.put("text", proposal.text);
        audit.record(agreementId, EventKind.CLAUSE_PROPOSAL_ACCEPTED, EventTarget.CLAUSE, clauseId, change);
        return ProposalView.of(proposal, clause.lastRevision);
    }

    /** Rejects with an optional reason; the clause is untouched, so it is read, not locked. */
    @Transactional
    public ProposalView reject(UUID agreementId, UUID clauseId, UUID proposalId, String ifMatch,
                               ProposalDecisionRequest request) {
        provenance.cite(request == null ? null : request.source());
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.require(agreementId, clauseId);
        Proposal proposal = proposals.requireForUpdate(clauseId, proposalId);
        requireJointDecider(proposal, "reject");
        return close(agreement, clause, proposal, ifMatch, request, ProposalStatus.REJECTED,
                EventKind.CLAUSE_PROPOSAL_REJECTED);
    }

    /** Withdraws with an optional reason: only for the proposing party (or an unbound token). */
    @Transactional
    public ProposalView withdraw(UUID agreementId, UUID clauseId, UUID proposalId, String ifMatch,
                                 ProposalDecisionRequest request) {
        provenance.cite(request == null ? null : request.source());
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.require(agreementId, clauseId);
        Proposal proposal = proposals.requireForUpdate(clauseId, proposalId);
        partyScope.requireMaySpeakFor(proposal.partyCode, "withdraw its proposal");
        return close(agreement, clause, proposal, ifMatch, request, ProposalStatus.WITHDRAWN,
                EventKind.CLAUSE_PROPOSAL_WITHDRAWN);
    }

    /**
     * Rejection and withdrawal change no clause text, so they are allowed while the agreement is
     * FINALIZED (an open proposal may be cleared away then), not once it is SIGNED or WITHDRAWN.
     * {@code If-Match} is optional and is the proposal's ETag, as for any action on a resource.
     */
    private ProposalView close(Agreement agreement, Clause clause, Proposal proposal, String ifMatch,
                               ProposalDecisionRequest request, ProposalStatus status, EventKind kind) {
        ETags.requireMatch(ifMatch, proposal.version);
        requireOpen(proposal, status == ProposalStatus.REJECTED ? "rejected" : "withdrawn");
        agreement.requireChangeable();
        decide(proposal, status, request == null ? null : request.reason());
        proposals.flush();
        Map<String, Object> change = ProposalService.Events.of(proposal);
        change.put("reason", proposal.reason);
        audit.record(agreement.id, kind, EventTarget.CLAUSE, clause.id, change);
        return ProposalView.of(proposal, clause.lastRevision);
    }

    private void decide(Proposal proposal, ProposalStatus status, String reason) {
        proposal.status = status;
        proposal.reason = reason;
        proposal.decidedAt = Timestamps.now();
        proposal.decidedBy = actor.subject();
    }

    /**
     * A proposal's own party cannot accept or reject it alone: a token bound to it is refused. Unbound
     * negotiators, admins and tokens bound to other parties decide.
     */
    private void requireJointDecider(Proposal proposal, String action) {
        if (partyScope.isBound() && partyScope.parties().contains(proposal.partyCode)) {
            throw new ApiException(ProblemCode.PARTY_BOUND_TOKEN, "this token speaks for " + proposal.partyCode
                    + ", which made the proposal; another party (or an unbound negotiator) must " + action
                    + " it, and " + proposal.partyCode + " may withdraw it");
        }
    }

    private static void requireOpen(Proposal proposal, String action) {
        if (proposal.status != ProposalStatus.OPEN) {
            throw new ApiException(ProblemCode.PROPOSAL_NOT_OPEN, "the proposal is " + proposal.status
                    + " and can no longer be " + action);
        }
    }
}
