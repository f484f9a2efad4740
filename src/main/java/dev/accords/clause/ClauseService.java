package dev.accords.clause;

import static dev.accords.http.MergePatch.required;
import static dev.accords.http.MergePatch.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.database.StatelessReads;
import dev.accords.http.ETags;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.paging.Timestamps;
import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;
import dev.accords.provenance.Provenance;
import dev.accords.provenance.Source;
import dev.accords.provenance.SourceJson;
import dev.accords.security.PartyScope;

/** Owns the transactions for clauses: creation, reading, merge-patches and deletion. */
@ApplicationScoped
public class ClauseService {

    static final String ORDERING = "createdAt";

    @Inject
    AgreementRepository agreements;
    @Inject
    ClauseRepository clauses;
    @Inject
    RevisionRecorder revisions;
    @Inject
    AuditTrail audit;
    @Inject
    StatelessReads reads;
    @Inject
    PartyScope partyScope;
    @Inject
    Provenance provenance;

    @Transactional
    public ClauseView create(UUID agreementId, ClauseCreate request) {
        Source cited = provenance.cite(request.source());
        Agreement agreement = agreements.requireShared(agreementId);
        agreement.requireChangeable();
        ClauseGuards.requireNotFinalized(agreement, "the clause list");
        agreement.requireParty("proposedBy", request.proposedBy());
        if (request.proposedBy() != null) {
            partyScope.requireMaySpeakFor(request.proposedBy(), "table a clause proposed by " + request.proposedBy());
        }
        // A taken reference is found by the unique index when the insert is flushed below, not by a
        // count first: one statement fewer, and the same answer (409 CLAUSE_REFERENCE_TAKEN) whether
        // the other clause committed long ago or is being created at this very moment.
        Instant now = Timestamps.now();
        Clause clause = new Clause();
        clause.id = UUID.randomUUID();
        clause.agreementId = agreementId;
        clause.reference = request.reference();
        clause.title = request.title();
        clause.text = request.text();
        clause.topic = request.topic();
        clause.statusReason = request.statusReason();
        clause.priority = request.priority() == null ? ClausePriority.NORMAL : request.priority();
        clause.proposedBy = request.proposedBy();
        clause.createdAt = now;
        clause.updatedAt = now;
        clause.moveTo(request.status() == null ? ClauseStatus.PROPOSED : request.status(), now);
        clause.statusSource = SourceJson.write(cited);
        clause.advanceRevision();
        clauses.persist(clause);
        flush(request.reference());
        revisions.record(clause, agreement.partyCodes(), List.of("created"));
        ClauseView created = ClauseView.of(clause, agreement.partyCodes());
        audit.record(agreementId, EventKind.CLAUSE_CREATED, EventTarget.CLAUSE, clause.id, audit.fields(created));
        return created.withNotesReadableBy(partyScope::mayReadNotesOf);
    }

    /** One statement, so no transaction: see {@link StatelessReads}. */
    public ClauseView get(UUID agreementId, UUID clauseId) {
        return reads.read(session -> ClauseReads.byId(session, agreementId, clauseId))
                .withNotesReadableBy(partyScope::mayReadNotesOf);
    }

    /** One statement, so no transaction: see {@link StatelessReads}. */
    public ClausePage list(ClauseQuery query) {
        Slice<ClauseView> page = Slice.of(reads.read(session -> ClauseReads.page(session, query)), query.limit(),
                last -> PageCursor.after(ORDERING, last.createdAt(), last.id()));
        return new ClausePage(page.items().stream().map(clause -> clause.withNotesReadableBy(partyScope::mayReadNotesOf))
                .toList(), page.nextCursor());
    }

    @Transactional
    public ClauseView update(UUID agreementId, UUID clauseId, String ifMatch, ClausePatch patch) {
        Source cited = provenance.cite(patch.source == null ? null : patch.source.orElse(null));
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.requireForUpdate(agreementId, clauseId);
        requireMayChangeWording(patch, clause);
        ETags.requireMatch(ifMatch, clause.version);
        agreement.requireChangeable();
        ClauseView before = ClauseView.of(clause, agreement.partyCodes());
        Instant now = Timestamps.now();
        List<String> revised = new ArrayList<>();
        boolean changed = false;
        // The same status on a new source (a report confirmed later) is a change of its own.
        boolean resourced = false;

        // Topic and priority classify a clause; they may change even while the agreement is FINALIZED.
        if (patch.topic != null) {
            changed |= set(clause.topic, patch.topic.orElse(null), v -> clause.topic = v);
        }
        if (patch.priority != null) {
            changed |= set(clause.priority, required(patch.priority, "priority"), v -> clause.priority = v);
        }
        List<String> frozen = new ArrayList<>();
        if (patch.reference != null) {
            String reference = required(patch.reference, "reference");
            if (!reference.equals(clause.reference)) {
                frozen.add("reference");
                // A taken reference is refused by the unique index when the change is flushed below.
                clause.reference = reference;
            }
        }
        if (patch.proposedBy != null) {
            String proposedBy = patch.proposedBy.orElse(null);
            if (!Objects.equals(proposedBy, clause.proposedBy)) {
                agreement.requireParty("proposedBy", proposedBy);
                if (proposedBy != null) {
                    partyScope.requireMaySpeakFor(proposedBy, "attribute the clause to " + proposedBy);
                }
                frozen.add("proposedBy");
                clause.proposedBy = proposedBy;
            }
        }
        if (patch.title != null && set(clause.title, required(patch.title, "title"), v -> clause.title = v)) {
            revised.add("title");
        }
        if (patch.text != null && set(clause.text, patch.text.orElse(null), v -> clause.text = v)) {
            revised.add("text");
        }
        if (patch.status != null) {
            ClauseStatus target = required(patch.status, "status");
            if (target != clause.status) {
                if (target == ClauseStatus.AGREED) {
                    ClauseGuards.requireNoObjections(clause);
                }
                clause.moveTo(target, now);
                clause.statusSource = SourceJson.write(cited);
                revised.add("status");
                // The reason explains the last status change: a change without one clears the old reason.
                String reason = patch.statusReason == null ? null : patch.statusReason.orElse(null);
                if (!Objects.equals(reason, clause.statusReason)) {
                    clause.statusReason = reason;
                    revised.add("statusReason");
                }
            }
        }
        if (patch.status != null && !revised.contains("status") && cited != null
                && !cited.equals(SourceJson.read(clause.statusSource))) {
            clause.statusSource = SourceJson.write(cited);
            resourced = true;
        }
        if (patch.statusReason != null && !revised.contains("status")
                && set(clause.statusReason, patch.statusReason.orElse(null), v -> clause.statusReason = v)) {
            revised.add("statusReason");
        }
        frozen.addAll(revised);
        if (!frozen.isEmpty()) {
            ClauseGuards.requireNotFinalized(agreement, "the clause's " + String.join(", ", frozen));
        }
        boolean alone = !changed && frozen.isEmpty();
        if (resourced) {
            revised.add("statusSource");
        }
        if (!alone || resourced) {
            clause.updatedAt = now;
            if (!revised.isEmpty()) {
                clause.advanceRevision();
            }
            flush(clause.reference);
        }
        if (!revised.isEmpty()) {
            revisions.record(clause, agreement.partyCodes(), revised);
        }
        ClauseView after = ClauseView.of(clause, agreement.partyCodes());
        EventKind kind = before.status() != after.status() ? EventKind.CLAUSE_STATUS_CHANGED
                : resourced && alone ? EventKind.CLAUSE_SOURCE_CHANGED : EventKind.CLAUSE_UPDATED;
        audit.recordChange(agreementId, kind, EventTarget.CLAUSE, clauseId, before, after);
        return after.withNotesReadableBy(partyScope::mayReadNotesOf);
    }

    /**
     * A negotiator bound to a party speaks for that party alone, so it does not rewrite the joint text
     * of a clause: it proposes its party's wording (a redline) and the others decide.
     */
    private void requireMayChangeWording(ClausePatch patch, Clause clause) {
        if (patch.text != null && partyScope.isBound() && !Objects.equals(patch.text.orElse(null), clause.text)) {
            throw new ApiException(ProblemCode.PARTY_BOUND_TOKEN, "a token bound to " + String.join(", ", partyScope.parties())
                    + " cannot rewrite the text of clause " + clause.reference + " directly; propose the wording instead");
        }
    }

    @Transactional
    public void delete(UUID agreementId, UUID clauseId, String ifMatch) {
        Agreement agreement = agreements.requireShared(agreementId);
        Clause clause = clauses.requireForUpdate(agreementId, clauseId);
        ETags.requireMatch(ifMatch, clause.version);
        agreement.requireChangeable();
        ClauseGuards.requireNotFinalized(agreement, "the clause list");
        // One statement: the database cascades to positions and revisions.
        clauses.getEntityManager().createNativeQuery("delete from clauses where id = ?1")
                .setParameter(1, clauseId).executeUpdate();
        clauses.getEntityManager().detach(clause);
        audit.record(agreementId, EventKind.CLAUSE_DELETED, EventTarget.CLAUSE, clauseId,
                Map.of("reference", clause.reference));
    }

    private void flush(String reference) {
        try {
            clauses.flush();
        } catch (PersistenceException e) {
            throw ClauseGuards.translateReferenceRace(e, reference);
        }
    }
}
