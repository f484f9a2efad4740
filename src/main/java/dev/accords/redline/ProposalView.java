package dev.accords.redline;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposal as the API shows it. {@code outdated} is true while it is OPEN but the clause has moved
 * past {@code basedOnRevision}: it can then no longer be accepted, only rejected or withdrawn.
 */
public record ProposalView(
        UUID id,
        UUID agreementId,
        UUID clauseId,
        String partyCode,
        String text,
        int basedOnRevision,
        ProposalStatus status,
        boolean outdated,
        String author,
        Instant createdAt,
        Instant decidedAt,
        String decidedBy,
        String reason,
        Integer acceptedRevision,
        long version) {

    static ProposalView of(Proposal p, int clauseRevision) {
        return new ProposalView(p.id, p.agreementId, p.clauseId, p.partyCode, p.text, p.basedOnRevision, p.status,
                p.status == ProposalStatus.OPEN && p.basedOnRevision != clauseRevision, p.author, p.createdAt,
                p.decidedAt, p.decidedBy, p.reason, p.acceptedRevision, p.version);
    }
}
