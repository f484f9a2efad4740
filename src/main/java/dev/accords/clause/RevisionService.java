package dev.accords.clause;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.database.ReadOnlyTransaction;
import dev.accords.agreement.AgreementRepository;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.provenance.SourceJson;
import dev.accords.security.PartyScope;

/** Reads a clause's revisions, oldest first. */
@ApplicationScoped
public class RevisionService {

    static final String ORDERING = "number";

    @Inject
    AgreementRepository agreements;
    @Inject
    ClauseRepository clauses;
    @Inject
    ObjectMapper mapper;
    @Inject
    PartyScope partyScope;

    @Transactional
    @ReadOnlyTransaction
    public RevisionPage list(UUID agreementId, UUID clauseId, PageCursor after, int limit) {
        agreements.require(agreementId);
        clauses.require(agreementId, clauseId);
        int afterNumber = after == null ? 0 : (int) after.longValue();
        Slice<ClauseRevision> page = Slice.of(clauses.revisions(clauseId, afterNumber, limit), limit,
                last -> PageCursor.after(ORDERING, last.id.number, clauseId));
        return new RevisionPage(page.map(this::view), page.nextCursor());
    }

    /** A stored revision as the API shows it; its positions are stored as the JSON the API showed then. */
    private RevisionView view(ClauseRevision revision) {
        try {
            List<PositionView> positions = mapper.readValue(revision.positions,
                    mapper.getTypeFactory().constructCollectionType(List.class, PositionView.class));
            return new RevisionView(revision.id.number, revision.createdAt, revision.changes, SourceJson.read(revision.source), revision.title,
                    revision.text, revision.status, revision.statusReason,
                    PositionView.readableBy(positions, partyScope::mayReadNotesOf));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored positions unreadable", e);
        }
    }
}
