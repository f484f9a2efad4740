package dev.accords.clause;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.paging.Timestamps;
import dev.accords.provenance.Provenance;
import dev.accords.provenance.SourceJson;
import dev.accords.security.CurrentActor;
import dev.accords.security.PartyScope;

/** Appends the next immutable revision of a clause (its values after a change); RevisionService reads them. */
@ApplicationScoped
class RevisionRecorder {

    @Inject
    ClauseRepository clauses;
    @Inject
    ObjectMapper mapper;
    @Inject
    CurrentActor actor;
    @Inject
    PartyScope partyScope;

    /**
     * Stores the clause as it is now as its revision number {@code clause.lastRevision}, which the
     * change advanced ({@link Clause#advanceRevision}) under the clause's row lock.
     */
    void record(Clause clause, List<String> partyCodes, List<String> changes) {
        // A token bound to exactly one party speaks for it; otherwise the revision names no party.
        String party = partyScope.isBound() && partyScope.parties().size() == 1
                ? partyScope.parties().iterator().next() : null;
        record(clause, partyCodes, changes, actor.subject(), party);
    }

    /** Same, naming who wrote the values: the word-level comparison attributes a revision's words to them. */
    void record(Clause clause, List<String> partyCodes, List<String> changes, String author, String partyCode) {
        ClauseRevision revision = new ClauseRevision();
        revision.id = new ClauseRevision.Key(clause.id, clause.lastRevision);
        revision.createdAt = Timestamps.now();
        revision.changes = List.copyOf(changes);
        revision.title = clause.title;
        revision.text = clause.text;
        revision.status = clause.status;
        revision.statusReason = clause.statusReason;
        revision.source = SourceJson.write(Provenance.ofCurrentRequest());
        revision.author = author;
        revision.partyCode = partyCode;
        try {
            revision.positions = mapper.writeValueAsString(ClauseView.positions(clause, partyCodes));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("positions not serializable", e);
        }
        clauses.getEntityManager().persist(revision);
    }
}
