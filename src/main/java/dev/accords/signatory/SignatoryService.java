package dev.accords.signatory;

import static dev.accords.http.MergePatch.required;
import static dev.accords.http.MergePatch.set;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.accords.database.ReadOnlyTransaction;
import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.agreement.AgreementStatus;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.problem.ApiException;
import dev.accords.http.ETags;
import dev.accords.paging.PageCursor;
import dev.accords.paging.Slice;
import dev.accords.problem.ProblemCode;
import dev.accords.paging.Timestamps;
import dev.accords.provenance.Provenance;
import dev.accords.security.PartyScope;

/**
 * Owns the transactions for an agreement's list of signatories: creation, listing, merge-patches
 * and removal. Signing and declining are {@link SigningService}'s. Every change shares the
 * agreement row lock (see {@link AgreementRepository#requireShared}) and then locks the signatory.
 */
@ApplicationScoped
public class SignatoryService {

    @Inject
    AgreementRepository agreements;
    @Inject
    SignatoryRepository signatories;
    @Inject
    AuditTrail audit;
    @Inject
    PartyScope partyScope;
    @Inject
    Provenance provenance;

    @Transactional
    public SignatoryView create(UUID agreementId, SignatoryCreate request) {
        provenance.cite(request.source());
        Agreement agreement = agreements.requireShared(agreementId);
        agreement.requireChangeable();
        agreement.requireParty("partyCode", request.partyCode());
        partyScope.requireMaySpeakFor(request.partyCode(), "name a signatory for " + request.partyCode());
        SignatoryRules.requireNoLaterSignature(signatories, agreement, request.name(), request.signingOrder());
        Instant now = Timestamps.now();
        Signatory signatory = new Signatory();
        signatory.id = UUID.randomUUID();
        signatory.agreementId = agreementId;
        signatory.name = request.name();
        signatory.role = request.role();
        signatory.partyCode = request.partyCode();
        signatory.signingOrder = request.signingOrder();
        signatory.principal = request.principal();
        signatory.status = SignatoryStatus.PENDING;
        signatory.createdAt = now;
        signatory.updatedAt = now;
        signatories.persist(signatory);
        signatories.flush();
        SignatoryView created = SignatoryView.of(signatory);
        audit.record(agreementId, EventKind.SIGNATORY_CREATED, EventTarget.SIGNATORY, signatory.id, audit.fields(created));
        return created;
    }

    @Transactional
    @ReadOnlyTransaction
    public SignatoryPage list(UUID agreementId, int limit, PageCursor after) {
        agreements.require(agreementId);
        Slice<Signatory> page = Slice.of(signatories.page(agreementId, limit, after), limit,
                last -> PageCursor.after(SignatoryRepository.ORDERING, last.createdAt, last.id));
        return new SignatoryPage(page.map(SignatoryView::of), page.nextCursor());
    }

    @Transactional
    @ReadOnlyTransaction
    public SignatoryView get(UUID agreementId, UUID id) {
        agreements.require(agreementId);
        return SignatoryView.of(signatories.require(agreementId, id));
    }

    @Transactional
    public SignatoryView update(UUID agreementId, UUID id, String ifMatch, SignatoryPatch patch) {
        provenance.cite(patch.source == null ? null : patch.source.orElse(null));
        Agreement agreement = agreements.requireShared(agreementId);
        Signatory signatory = signatories.requireForUpdate(agreementId, id);
        partyScope.requireMaySpeakFor(signatory.partyCode, "change a signatory of " + signatory.partyCode);
        ETags.requireMatch(ifMatch, signatory.version);
        agreement.requireChangeable();
        SignatoryRules.requireNotSigned(signatory, "a signed signatory cannot be edited");
        SignatoryView before = SignatoryView.of(signatory);
        boolean changed = false;
        if (patch.name != null) {
            changed |= set(signatory.name, required(patch.name, "name"), v -> signatory.name = v);
        }
        if (patch.role != null) {
            changed |= set(signatory.role, patch.role.orElse(null), v -> signatory.role = v);
        }
        if (patch.partyCode != null) {
            String partyCode = required(patch.partyCode, "partyCode");
            agreement.requireParty("partyCode", partyCode);
            partyScope.requireMaySpeakFor(partyCode, "make a signatory sign for " + partyCode);
            changed |= set(signatory.partyCode, partyCode, v -> signatory.partyCode = v);
        }
        if (patch.signingOrder != null) {
            Integer order = patch.signingOrder.orElse(null);
            if (order != null && !order.equals(signatory.signingOrder)) {
                SignatoryRules.requireNoLaterSignature(signatories, agreement, signatory.name, order);
            }
            changed |= set(signatory.signingOrder, order, v -> signatory.signingOrder = v);
        }
        if (patch.principal != null) {
            changed |= set(signatory.principal, patch.principal.orElse(null), v -> signatory.principal = v);
        }
        if (!changed) {
            return before;
        }
        signatory.updatedAt = Timestamps.now();
        signatories.flush();
        SignatoryView after = SignatoryView.of(signatory);
        audit.recordChange(agreementId, EventKind.SIGNATORY_UPDATED, EventTarget.SIGNATORY, id, before, after);
        return after;
    }

    /**
     * Removes a signatory that has not signed. Takes the agreement row for update, like signing:
     * removing the last signatory who has not signed is refused once others signed (nobody could
     * then complete the agreement), and two such removals racing under a shared lock would each
     * count the other as still there.
     */
    @Transactional
    public void delete(UUID agreementId, UUID id, String ifMatch) {
        Agreement agreement = agreements.requireForUpdate(agreementId);
        Signatory signatory = signatories.requireForUpdate(agreementId, id);
        partyScope.requireMaySpeakFor(signatory.partyCode, "remove a signatory of " + signatory.partyCode);
        ETags.requireMatch(ifMatch, signatory.version);
        agreement.requireChangeable();
        SignatoryRules.requireNotSigned(signatory, "a signed signatory cannot be removed");
        if (agreement.status == AgreementStatus.FINALIZED && signatories.countNotSigned(agreementId) == 1
                && signatories.countSigned(agreementId) > 0) {
            throw new ApiException(ProblemCode.AGREEMENT_HAS_SIGNATURES,
                    signatory.label() + " is the last signatory who has not signed; removing them would leave a"
                            + " FINALIZED agreement that no signature can complete. Withdraw the agreement instead");
        }
        signatories.delete(signatory);
        signatories.flush();
        audit.record(agreementId, EventKind.SIGNATORY_DELETED, EventTarget.SIGNATORY, id, Map.of("name", signatory.name));
    }
}
