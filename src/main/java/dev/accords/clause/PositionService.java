package dev.accords.clause;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.audit.PrivateChanges;
import dev.accords.problem.ApiException;
import dev.accords.http.ETags;
import dev.accords.problem.ProblemCode;
import dev.accords.paging.Timestamps;
import dev.accords.provenance.Provenance;
import dev.accords.provenance.Source;
import dev.accords.provenance.SourceJson;
import dev.accords.security.PartyScope;

/** Owns the transaction of a party taking a stance on a clause. */
@ApplicationScoped
public class PositionService {

    @Inject
    AgreementRepository agreements;
    @Inject
    ClauseRepository clauses;
    @Inject
    RevisionRecorder revisions;
    @Inject
    AuditTrail audit;
    @Inject
    PartyScope partyScope;
    @Inject
    Provenance provenance;

    @Transactional
    public ClauseView put(UUID agreementId, UUID clauseId, String partyCode, String ifMatch, PositionUpdate update) {
        Source cited = provenance.cite(update.source());
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.requireForUpdate(agreementId, clauseId);
        if (!agreement.hasParty(partyCode)) {
            throw new ApiException(ProblemCode.PARTY_NOT_FOUND, agreement.notAParty(partyCode));
        }
        partyScope.requireMaySpeakFor(partyCode, "set " + partyCode + "'s stance");
        ETags.requireMatch(ifMatch, clause.version);
        agreement.requireChangeable();
        ClausePosition position = clause.position(partyCode).orElse(null);
        Stance current = position == null ? Stance.NO_POSITION : position.stance;
        String currentNote = position == null ? null : position.note;
        if (current == update.stance() && Objects.equals(currentNote, update.note())) {
            if (position != null && cited != null && !cited.equals(SourceJson.read(position.source))) {
                resource(agreement, clause, position, cited);
            }
            return ClauseView.of(clause, agreement.partyCodes()).withNotesReadableBy(partyScope::mayReadNotesOf);
        }
        ClauseGuards.requireNotFinalized(agreement, "every position");
        if (clause.status == ClauseStatus.AGREED && update.stance().objects()) {
            throw new ApiException(ProblemCode.CLAUSE_HAS_OBJECTIONS, "clause " + clause.reference
                    + " is AGREED; move it back to UNDER_NEGOTIATION before " + partyCode + " " + update.stance());
        }
        var now = Timestamps.now();
        if (position == null) {
            position = new ClausePosition();
            position.id = new ClausePosition.Key(clause.id, partyCode);
            position.clause = clause;
            position.agreementId = agreementId;
            clause.positions.add(position);
        }
        position.stance = update.stance();
        position.note = update.note();
        position.source = SourceJson.write(cited);
        position.updatedAt = now;
        clause.updatedAt = now;
        clause.advanceRevision();
        clauses.flush();
        revisions.record(clause, agreement.partyCodes(), List.of("positions." + partyCode));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("partyCode", partyCode);
        change.put("stance", update.stance());
        // The note is the party's own: its members and admins read it in the trail, no one else.
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("note", update.note());
        audit.record(agreementId, EventKind.CLAUSE_POSITION_CHANGED, EventTarget.CLAUSE, clauseId, change,
                new PrivateChanges(partyCode, note));
        return ClauseView.of(clause, agreement.partyCodes()).withNotesReadableBy(partyScope::mayReadNotesOf);
    }

    /**
     * The same position on a new source: a report later confirmed by an official (or corrected) is a
     * change of its own, with a revision and a CLAUSE_SOURCE_CHANGED event. It adds no fact, so it is
     * allowed while the agreement is FINALIZED; the position's {@code updatedAt} (when the party last
     * moved) stays.
     */
    private void resource(Agreement agreement, Clause clause, ClausePosition position, Source cited) {
        position.source = SourceJson.write(cited);
        clause.updatedAt = Timestamps.now();
        clause.advanceRevision();
        clauses.flush();
        revisions.record(clause, agreement.partyCodes(), List.of("positions." + position.id.partyCode));
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("partyCode", position.id.partyCode);
        change.put("source", cited);
        audit.record(agreement.id, EventKind.CLAUSE_SOURCE_CHANGED, EventTarget.CLAUSE, clause.id, change);
    }
}
