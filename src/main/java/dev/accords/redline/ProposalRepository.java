package dev.accords.redline;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

@ApplicationScoped
public class ProposalRepository implements PanacheRepositoryBase<Proposal, UUID> {

    /** The proposal, locked for a decision, if it belongs to the clause; otherwise 404 PROPOSAL_NOT_FOUND. */
    public Proposal requireForUpdate(UUID clauseId, UUID proposalId) {
        return find("id = ?1 and clauseId = ?2", proposalId, clauseId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .singleResultOptional().orElseThrow(() -> notFound(proposalId));
    }

    static ApiException notFound(UUID proposalId) {
        return new ApiException(ProblemCode.PROPOSAL_NOT_FOUND,
                "no proposal with id " + proposalId + " for this clause");
    }
}
