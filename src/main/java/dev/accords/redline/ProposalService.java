package dev.accords.redline;

import java.util.LinkedHashMap;
import java.util.List;
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
import dev.accords.database.StatelessReads;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;
import dev.accords.provenance.Provenance;
import dev.accords.security.CurrentActor;
import dev.accords.security.PartyScope;

/** Owns the transactions for submitting proposals, and the reads of proposals and comparisons. */
@ApplicationScoped
public class ProposalService {

    @Inject
    AgreementRepository agreements;
    @Inject
    Provenance provenance;
    @Inject
    ClauseRepository clauses;
    @Inject
    ProposalRepository proposals;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentActor actor;
    @Inject
    PartyScope partyScope;
    @Inject
    StatelessReads reads;

    /**
     * Submits a proposal. The clause is read, not locked: a proposal changes nothing of it, and one
     * that an acceptance overtakes at this very moment is merely outdated, which every read shows.
     */
    @Transactional
    public ProposalView submit(UUID agreementId, UUID clauseId, ProposalCreate request) {
        provenance.cite(request.source());
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.require(agreementId, clauseId);
        String party = proposingParty(agreement, request.partyCode());
        ClauseTextChanges.requireTextChangeable(agreement);
        requireCurrentBase(clause, request.basedOnRevision(), "propose a text");
        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.clauseId = clauseId;
        proposal.agreementId = agreementId;
        proposal.partyCode = party;
        proposal.text = request.text();
        proposal.basedOnRevision = request.basedOnRevision();
        proposal.status = ProposalStatus.OPEN;
        proposal.author = actor.subject();
        proposal.createdAt = Timestamps.now();
        proposals.persist(proposal);
        proposals.flush();
        Map<String, Object> change = Events.of(proposal);
        change.put("text", proposal.text);
        audit.record(agreementId, EventKind.CLAUSE_PROPOSAL_SUBMITTED, EventTarget.CLAUSE, clauseId, change);
        return ProposalView.of(proposal, clause.lastRevision);
    }

    /** One statement, so no transaction: see {@link StatelessReads}. */
    public ProposalPage list(UUID agreementId, UUID clauseId, ProposalStatus status, PageCursor after, int limit) {
        Slice<ProposalView> page = Slice.of(reads.read(session ->
                        ProposalReads.page(session, agreementId, clauseId, status, after, limit)), limit,
                last -> PageCursor.after(ProposalReads.ORDERING, last.createdAt(), last.id()));
        return new ProposalPage(page.items(), page.nextCursor());
    }

    /** One statement, so no transaction: see {@link StatelessReads}. */
    public ProposalView get(UUID agreementId, UUID clauseId, UUID proposalId) {
        return reads.read(session -> ProposalReads.byId(session, agreementId, clauseId, proposalId));
    }

    /** Both sides in one statement, so no transaction; the comparison itself runs after the read. */
    public ClauseComparison compare(UUID agreementId, UUID clauseId, ComparisonReads.Wanted from,
                                    ComparisonReads.Wanted to) {
        List<ComparisonReads.Found> sides = reads.read(session ->
                ComparisonReads.read(session, agreementId, clauseId, from, to));
        ComparisonReads.Found before = sides.get(0);
        ComparisonReads.Found after = sides.get(1);
        WordDiff.Result diff = WordDiff.compare(before.text(), after.text(), after.side().author(),
                after.side().partyCode());
        return new ClauseComparison(before.side(), after.side(), diff.coarse(), diff.operations());
    }

    /**
     * The party the proposal speaks for: the body's, which must be a party of the agreement that the
     * token may speak for; or, left out, the one party a bound token speaks for.
     */
    private String proposingParty(Agreement agreement, String requested) {
        if (requested == null) {
            if (partyScope.isBound() && partyScope.parties().size() == 1) {
                String only = partyScope.parties().iterator().next();
                agreement.requireParty("partyCode", only);
                return only;
            }
            throw ApiException.invalid("partyCode", "is required unless the token speaks for exactly one party");
        }
        agreement.requireParty("partyCode", requested);
        partyScope.requireMaySpeakFor(requested, "propose a text for it");
        return requested;
    }

    /** A proposal is made, and accepted, against the clause's current revision only. */
    static void requireCurrentBase(Clause clause, int basedOnRevision, String action) {
        if (basedOnRevision != clause.lastRevision) {
            throw new ApiException(ProblemCode.PROPOSAL_BASE_OUTDATED, "cannot " + action + " based on revision "
                    + basedOnRevision + ": the clause's current revision is " + clause.lastRevision
                    + "; compare with it and propose again", List.of(),
                    Map.of("currentRevision", clause.lastRevision));
        }
    }

    /** The parts of a proposal every one of its events carries. */
    static final class Events {

        private Events() {
        }

        static Map<String, Object> of(Proposal proposal) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("proposalId", proposal.id);
            change.put("partyCode", proposal.partyCode);
            change.put("basedOnRevision", proposal.basedOnRevision);
            change.put("status", proposal.status);
            return change;
        }
    }
}
