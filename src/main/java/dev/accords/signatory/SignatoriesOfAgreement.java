package dev.accords.signatory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.accords.agreement.AgreementSignatories;
import dev.accords.audit.AuditTrail;
import dev.accords.audit.EventKind;
import dev.accords.audit.EventTarget;
import dev.accords.paging.Timestamps;

/** The signatories as the agreement's lifecycle sees them (see {@link AgreementSignatories}). */
@ApplicationScoped
class SignatoriesOfAgreement implements AgreementSignatories {

    @Inject
    SignatoryRepository signatories;
    @Inject
    AuditTrail audit;

    @Override
    public long countSigned(UUID agreementId) {
        return signatories.countSigned(agreementId);
    }

    @Override
    public void askDeclinedAgain(UUID agreementId) {
        Map<String, Object> pending = new LinkedHashMap<>();
        pending.put("status", SignatoryStatus.PENDING);
        pending.put("declineReason", null);
        for (UUID signatory : signatories.resetDeclined(agreementId, Timestamps.now())) {
            audit.record(agreementId, EventKind.SIGNATORY_UPDATED, EventTarget.SIGNATORY, signatory, pending);
        }
    }
}
