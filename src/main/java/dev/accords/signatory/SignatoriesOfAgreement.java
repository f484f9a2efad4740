package dev.accords.signatory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.accords.agreement.AgreementSignatories;

/** The signatories as the agreement's lifecycle sees them (see {@link AgreementSignatories}). */
@ApplicationScoped
class SignatoriesOfAgreement implements AgreementSignatories {

    @Inject
    SignatoryRepository signatories;

    @Override
    public long countSigned(UUID agreementId) {
        return signatories.countSigned(agreementId);
    }
}
