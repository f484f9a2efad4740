package dev.accords.clause;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.agreement.AgreementRepository;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;

/** Reads a clause's revisions, oldest first. */
@ApplicationScoped
public class RevisionService {

    static final String ORDERING = "number";

    @Inject
    AgreementRepository agreements;
    @Inject
    ClauseRepository clauses;
    @Inject
    RevisionRecorder revisions;

    @Transactional
    public RevisionPage list(UUID agreementId, UUID clauseId, PageCursor after, int limit) {
        agreements.require(agreementId);
        clauses.require(agreementId, clauseId);
        int afterNumber = after == null ? 0 : (int) after.longValue();
        Slice<ClauseRevision> page = Slice.of(clauses.revisions(clauseId, afterNumber, limit), limit,
                last -> PageCursor.after(ORDERING, last.id.number, clauseId));
        return new RevisionPage(page.map(revisions::view), page.nextCursor());
    }
}
