package dev.accords.agreement;

import static dev.accords.http.MergePatch.required;
import static dev.accords.http.MergePatch.set;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.database.ReadOnlyTransaction;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.database.StatelessReads;
import dev.accords.problem.ApiException;
import dev.accords.http.ETags;
import dev.accords.problem.FieldError;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.problem.ProblemCode;
import dev.accords.paging.Timestamps;
import dev.accords.provenance.Provenance;

/** Owns the transactions for agreements: creation, listing, merge-patches and deletion. */
@ApplicationScoped
public class AgreementService {

    @Inject
    AgreementRepository agreements;
    @Inject
    AgreementLifecycle lifecycle;
    @Inject
    AuditTrail audit;
    @Inject
    StatelessReads reads;
    @Inject
    Provenance provenance;

    @Transactional
    public AgreementView create(AgreementCreate request) {
        provenance.cite(request.source());
        checkDistinct(request.parties(), request.tags());
        AgreementStatus status = request.status() == null ? AgreementStatus.DRAFT : request.status();
        if (status != AgreementStatus.DRAFT && status != AgreementStatus.NEGOTIATING) {
            throw ApiException.invalid("status", "a new agreement starts as DRAFT or NEGOTIATING");
        }
        Instant now = Timestamps.now();
        Agreement agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.title = request.title();
        agreement.summary = request.summary();
        agreement.status = status;
        agreement.tags = request.tags() == null ? new ArrayList<>() : new ArrayList<>(request.tags());
        agreement.plannedSigningDate = request.plannedSigningDate();
        agreement.signingPlace = request.signingPlace();
        agreement.entryIntoForceRule = request.entryIntoForceRule();
        agreement.entryIntoForceDays = request.entryIntoForceDays();
        checkEntryIntoForceRule(agreement);
        agreement.createdAt = now;
        agreement.updatedAt = now;
        replaceParties(agreement, request.parties());
        agreements.persist(agreement);
        agreements.flush();
        AgreementView created = AgreementView.of(agreement);
        audit.record(agreement.id, EventKind.AGREEMENT_CREATED, EventTarget.AGREEMENT, agreement.id, audit.fields(created));
        return created;
    }

    /** One statement, so no transaction: see {@link StatelessReads}. */
    public AgreementView get(UUID id) {
        return reads.read(session -> AgreementReads.byId(session, id)).orElseThrow(() -> AgreementRepository.notFound(id));
    }

    @Transactional
    @ReadOnlyTransaction
    public AgreementPage list(AgreementQuery query) {
        Slice<Agreement> page = Slice.of(agreements.page(query), query.limit(), last -> PageCursor.after(
                query.sort().token(), query.sort().field().equals("updatedAt") ? last.updatedAt : last.createdAt, last.id));
        return new AgreementPage(page.map(AgreementView::of), page.nextCursor());
    }

    @Transactional
    public AgreementView update(UUID id, String ifMatch, AgreementPatch patch) {
        provenance.cite(patch.source == null ? null : patch.source.orElse(null));
        Agreement agreement = agreements.requireForUpdate(id);
        ETags.requireMatch(ifMatch, agreement.version);
        agreement.requireChangeable();
        AgreementView before = AgreementView.of(agreement);
        boolean changed = false;
        if (patch.title != null) {
            changed |= set(agreement.title, required(patch.title, "title"), v -> agreement.title = v);
        }
        if (patch.summary != null) {
            changed |= set(agreement.summary, patch.summary.orElse(null), v -> agreement.summary = v);
        }
        if (patch.tags != null) {
            List<String> tags = patch.tags.orElse(List.of());
            checkDistinct(null, tags);
            changed |= set(agreement.tags, tags, v -> agreement.tags = new ArrayList<>(v));
        }
        if (patch.plannedSigningDate != null) {
            changed |= set(agreement.plannedSigningDate, patch.plannedSigningDate.orElse(null),
                    v -> agreement.plannedSigningDate = v);
        }
        if (patch.signingPlace != null) {
            changed |= set(agreement.signingPlace, patch.signingPlace.orElse(null), v -> agreement.signingPlace = v);
        }
        if (patch.entryIntoForceRule != null) {
            changed |= set(agreement.entryIntoForceRule, patch.entryIntoForceRule.orElse(null),
                    v -> agreement.entryIntoForceRule = v);
        }
        if (patch.entryIntoForceDays != null) {
            changed |= set(agreement.entryIntoForceDays, patch.entryIntoForceDays.orElse(null),
                    v -> agreement.entryIntoForceDays = v);
        }
        checkEntryIntoForceRule(agreement);
        if (patch.parties != null) {
            List<Party> parties = required(patch.parties, "parties");
            checkDistinct(parties, null);
            List<Party> current = AgreementView.of(agreement).parties();
            if (!current.equals(parties)) {
                if (agreement.status == AgreementStatus.FINALIZED) {
                    throw new ApiException(ProblemCode.AGREEMENT_FINALIZED,
                            "the parties of a FINALIZED agreement are frozen; reopen it (status NEGOTIATING) first");
                }
                requirePartiesUnused(agreement, parties);
                replaceParties(agreement, parties);
                changed = true;
            }
        }
        if (patch.status != null) {
            AgreementStatus target = required(patch.status, "status");
            if (target != agreement.status) {
                lifecycle.transition(agreement, target);
                changed = true;
            }
        }
        if (!changed) {
            return before;
        }
        // Touching the root also bumps its version when only parties (child rows) changed.
        agreement.updatedAt = Timestamps.now();
        agreements.flush();
        AgreementView after = AgreementView.of(agreement);
        audit.recordChange(id, before.status() != after.status() ? EventKind.AGREEMENT_STATUS_CHANGED
                : EventKind.AGREEMENT_UPDATED, EventTarget.AGREEMENT, id, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Agreement agreement = agreements.requireForUpdate(id);
        ETags.requireMatch(ifMatch, agreement.version);
        if (agreement.status.isSigned()) {
            throw new ApiException(ProblemCode.AGREEMENT_SIGNED,
                    "a " + agreement.status + " agreement is a record of what was signed; it cannot be deleted");
        }
        // One statement: the database cascades to parties, clauses, positions, revisions and signatories.
        agreements.getEntityManager().createNativeQuery("delete from agreements where id = ?1")
                .setParameter(1, id).executeUpdate();
        agreements.getEntityManager().detach(agreement);
        audit.record(id, EventKind.AGREEMENT_DELETED, EventTarget.AGREEMENT, id, Map.of("title", agreement.title));
    }

    /**
     * The days go with DAYS_AFTER_LAST_NOTIFICATION and only with it (the database holds the same rule).
     * Checked on the agreement as the request leaves it, so a patch may change rule and days together.
     */
    private static void checkEntryIntoForceRule(Agreement agreement) {
        boolean daysRule = agreement.entryIntoForceRule == EntryIntoForceRule.DAYS_AFTER_LAST_NOTIFICATION;
        if (daysRule && agreement.entryIntoForceDays == null) {
            throw ApiException.invalid("entryIntoForceDays", "required with the rule DAYS_AFTER_LAST_NOTIFICATION");
        }
        if (!daysRule && agreement.entryIntoForceDays != null) {
            throw ApiException.invalid("entryIntoForceDays",
                    "only goes with the rule DAYS_AFTER_LAST_NOTIFICATION (the rule is "
                            + (agreement.entryIntoForceRule == null ? "not set" : agreement.entryIntoForceRule) + ")");
        }
    }

    /** Refuses to drop a party that a clause, a position or a signatory still refers to. */
    private void requirePartiesUnused(Agreement agreement, List<Party> next) {
        Set<String> kept = next.stream().map(Party::code).collect(Collectors.toSet());
        List<String> removed = agreement.partyCodes().stream().filter(code -> !kept.contains(code)).toList();
        if (removed.isEmpty()) {
            return;
        }
        List<String> inUse = agreements.partiesInUse(agreement.id, removed);
        if (!inUse.isEmpty()) {
            throw new ApiException(ProblemCode.PARTY_IN_USE,
                    "part" + (inUse.size() == 1 ? "y " : "ies ") + String.join(", ", inUse)
                            + " cannot be removed: a clause, position, proposal or signatory refers to "
                            + (inUse.size() == 1 ? "it" : "them"),
                    List.of(), Map.of("parties", inUse));
        }
    }

    private static void replaceParties(Agreement agreement, List<Party> parties) {
        Map<String, AgreementParty> existing = agreement.parties.stream()
                .collect(Collectors.toMap(AgreementParty::code, Function.identity()));
        List<AgreementParty> next = new ArrayList<>();
        short ordinal = 0;
        for (Party party : parties) {
            AgreementParty entity = existing.get(party.code());
            if (entity == null) {
                entity = new AgreementParty();
                entity.id = new PartyId(agreement.id, party.code());
                entity.agreement = agreement;
            }
            entity.name = party.name();
            entity.ordinal = ordinal++;
            next.add(entity);
        }
        agreement.parties.clear();
        agreement.parties.addAll(next);
    }

    private static void checkDistinct(List<Party> parties, List<String> tags) {
        List<FieldError> errors = new ArrayList<>();
        if (parties != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < parties.size(); i++) {
                if (!seen.add(parties.get(i).code())) {
                    errors.add(new FieldError("parties[" + i + "].code", "duplicate party code " + parties.get(i).code()));
                }
            }
        }
        if (tags != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < tags.size(); i++) {
                if (!seen.add(tags.get(i))) {
                    errors.add(new FieldError("tags[" + i + "]", "duplicate tag " + tags.get(i)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED,
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : "duplicate values",
                    errors, Map.of());
        }
    }
}
