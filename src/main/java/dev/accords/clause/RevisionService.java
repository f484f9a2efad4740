package dev.accords.clause;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.agreement.AgreementRepository;
import dev.accords.paging.PageCursor;

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
        List<ClauseRevision> rows = clauses.revisions(clauseId, afterNumber, limit);
        boolean more = rows.size() > limit;
        List<ClauseRevision> page = more ? rows.subList(0, limit) : rows;
        String next = more ? PageCursor.after(ORDERING, page.get(page.size() - 1).id.number, clauseId).encode() : null;
        return new RevisionPage(page.stream().map(revisions::view).toList(), next);
    }
}
