package dev.accords.devdata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.accords.agreement.AgreementCreate;
import dev.accords.agreement.AgreementRepository;
import dev.accords.agreement.AgreementService;
import dev.accords.agreement.AgreementStatus;
import dev.accords.agreement.AgreementView;
import dev.accords.agreement.Party;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the example deal of DOMAIN.md (the US–Ukraine natural resources and reconstruction
 * agreement of late February 2025) into an empty database, so that {@code ./mvnw quarkus:dev}
 * has something to show. On only where {@code accords.seed-example} is true (dev mode); it goes
 * through the services, so the example obeys every rule the API enforces.
 *
 * <p>Each step of the deal is one method; {@link #load()} runs them in order, in one transaction.
 */
@ApplicationScoped
public class ExampleDeal {

    static final String TITLE = "US–Ukraine Natural Resources and Reconstruction Agreement";
    private static final Logger LOG = Logger.getLogger(ExampleDeal.class);

    @ConfigProperty(name = "accords.seed-example", defaultValue = "false")
    boolean enabled;

    @Inject
    AgreementRepository agreements;
    @Inject
    AgreementService agreementService;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            QuarkusTransaction.requiringNew().run(this::loadIntoEmptyDatabase);
        }
    }

    void loadIntoEmptyDatabase() {
        if (agreements.count() > 0) {
            LOG.debug("The database already holds agreements; the example deal is not loaded again");
            return;
        }
        UUID id = load();
        LOG.infof("Loaded the example deal: GET /v1/agreements/%s", id);
    }

    /** Creates the whole example deal and returns its agreement's id. */
    public UUID load() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            AgreementView agreement = createAgreement();
            // Next steps, as their endpoints land (DOMAIN.md, "The example every test and the README can use"):
            // addClauses(agreement) — clauses 1 to 5 with their statuses and positions;
            // addSignatories(agreement) — Zelensky (UA) and Trump (US).
            return agreement.id();
        });
    }

    AgreementView createAgreement() {
        return agreementService.create(new AgreementCreate(
                TITLE,
                "Joint fund for Ukraine's reconstruction financed by natural-resource revenues. Provisions deemed"
                        + " unacceptable were removed; security guarantees were pushed to future discussions.",
                List.of(new Party("US", "United States"), new Party("UA", "Ukraine")),
                List.of("natural-resources", "reconstruction", "security"),
                AgreementStatus.NEGOTIATING,
                LocalDate.of(2025, 2, 28), // a Friday: the two presidents were to sign together at the White House
                "Washington, D.C."));
    }
}
