package dev.accords.signatory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;

import dev.accords.agreement.Agreement;
import dev.accords.agreement.AgreementRepository;
import dev.accords.agreement.AgreementStatus;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.problem.ApiException;
import dev.accords.http.ETags;
import dev.accords.problem.ProblemCode;
import dev.accords.paging.Timestamps;
import dev.accords.provenance.Provenance;
import dev.accords.security.CurrentActor;
import dev.accords.security.PartyScope;
import dev.accords.security.Roles;

/**
 * Owns the transactions of the two answers a signatory gives to a FINALIZED agreement: signing
 * and declining.
 *
 * <p>Signing order (docs/DOMAIN.md): a signatory with order N waits until every signatory with a
 * lower order has SIGNED (a DECLINED one keeps them waiting until the agreement is reopened);
 * equal orders sign in any order. A signatory without an order neither waits nor is waited for.
 */
@ApplicationScoped
public class SigningService {

    @Inject
    AgreementRepository agreements;
    @Inject
    SignatoryRepository signatories;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentActor actor;
    @Inject
    PartyScope partyScope;
    @Inject
    Provenance provenance;

    /**
     * Signs, and when this was the last signature, makes the agreement SIGNED. The agreement row is
     * taken for update, not shared: two "last" signatures racing under a shared lock would each see
     * the other as still pending, and neither would complete the agreement.
     */
    @Transactional
    public SignatoryView sign(UUID agreementId, UUID id, String ifMatch, SignatureRequest request) {
        provenance.cite(request == null ? null : request.source());
        Agreement agreement = agreements.requireForUpdate(agreementId);
        Signatory signatory = signatories.requireForUpdate(agreementId, id);
        requireMayAnswerFor(signatory, "sign");
        ETags.requireMatch(ifMatch, signatory.version);
        SignatoryRules.requireNotSigned(signatory, "a signatory signs only once");
        agreement.requireChangeable();
        SignatoryRules.requireFinalized(agreement, "sign");
        if (signatory.status == SignatoryStatus.DECLINED) {
            throw new ApiException(ProblemCode.SIGNATORY_DECLINED, signatory.label()
                    + " declined to sign; reopening the agreement (status NEGOTIATING) sets them back to PENDING");
        }
        if (signatory.signingOrder != null) {
            List<Signatory> waitedFor = signatories.notSignedBefore(agreementId, signatory.signingOrder);
            if (!waitedFor.isEmpty()) {
                throw new ApiException(ProblemCode.SIGNATORY_OUT_OF_ORDER, signatory.label() + " must wait for "
                        + SignatoryRules.labels(waitedFor) + " to sign first");
            }
        }
        Instant now = Timestamps.now();
        signatory.status = SignatoryStatus.SIGNED;
        signatory.signedAt = now;
        signatory.signedPlace = request == null ? null : request.signedPlace();
        signatory.updatedAt = now;
        signatories.flush();
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("status", SignatoryStatus.SIGNED);
        signed.put("signedAt", now);
        signed.put("signedPlace", signatory.signedPlace);
        audit.record(agreementId, EventKind.SIGNATORY_SIGNED, EventTarget.SIGNATORY, id, signed);
        if (signatories.countNotSigned(agreementId) == 0) {
            // The only way into SIGNED (AgreementTransitions refuses it from clients); finalizedAt stays as the
            // record of when the signed text was finalized.
            agreement.status = AgreementStatus.SIGNED;
            agreement.signedAt = now;
            agreement.updatedAt = now;
            agreements.flush();
            audit.record(agreementId, EventKind.AGREEMENT_STATUS_CHANGED, EventTarget.AGREEMENT, agreementId,
                    Map.of("status", AgreementStatus.SIGNED, "signedAt", now));
        }
        return SignatoryView.of(signatory);
    }

    /** Declines with a reason. Nothing else depends on a declination, so the agreement row is shared. */
    @Transactional
    public SignatoryView decline(UUID agreementId, UUID id, String ifMatch, DeclinationRequest request) {
        provenance.cite(request.source());
        Agreement agreement = agreements.requireShared(agreementId);
        Signatory signatory = signatories.requireForUpdate(agreementId, id);
        requireMayAnswerFor(signatory, "decline");
        ETags.requireMatch(ifMatch, signatory.version);
        SignatoryRules.requireNotSigned(signatory, "a signature cannot be taken back");
        agreement.requireChangeable();
        SignatoryRules.requireFinalized(agreement, "decline");
        if (signatory.status == SignatoryStatus.DECLINED) {
            throw new ApiException(ProblemCode.SIGNATORY_DECLINED, signatory.label() + " has already declined");
        }
        signatory.status = SignatoryStatus.DECLINED;
        signatory.declineReason = request.reason();
        signatory.updatedAt = Timestamps.now();
        signatories.flush();
        audit.record(agreementId, EventKind.SIGNATORY_DECLINED, EventTarget.SIGNATORY, id,
                Map.of("status", SignatoryStatus.DECLINED, "declineReason", request.reason()));
        return SignatoryView.of(signatory);
    }

    /**
     * A signatory bound to a principal answers only through that principal's token (or an admin's);
     * an unbound one through any negotiator's or admin's.
     */
    private void requireMayAnswerFor(Signatory signatory, String action) {
        if (actor.hasRole(Roles.ADMIN)) {
            return;
        }
        if (signatory.principal != null) {
            if (!signatory.principal.equals(actor.subject())) {
                throw new ForbiddenException("accords:only " + signatory.principal + " (or an admin) may " + action
                        + " for " + signatory.label());
            }
        } else if (!actor.hasRole(Roles.NEGOTIATOR)) {
            throw new ForbiddenException("accords:only a negotiator or an admin may " + action + " for "
                    + signatory.label() + ", who is bound to no principal");
        } else {
            partyScope.requireMaySpeakFor(signatory.partyCode, action + " for " + signatory.label());
        }
    }
}
