package dev.accords.ratification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.accords.agreement.AgreementRepository;
import dev.accords.database.StatelessReads;

/** The ratification table of an agreement: one statement, so no transaction (see {@link StatelessReads}). */
@ApplicationScoped
public class RatificationService {

    @Inject
    StatelessReads reads;

    public RatificationView table(UUID agreementId) {
        return reads.read(session -> RatificationReads.table(session, agreementId))
                .orElseThrow(() -> AgreementRepository.notFound(agreementId));
    }
}
