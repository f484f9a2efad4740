package dev.accords.devdata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
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
import dev.accords.clause.ClauseCreate;
import dev.accords.clause.ClausePatch;
import dev.accords.clause.ClausePriority;
import dev.accords.clause.ClauseService;
import dev.accords.clause.ClauseStatus;
import dev.accords.clause.PositionService;
import dev.accords.clause.PositionUpdate;
import dev.accords.clause.Stance;
import dev.accords.provenance.Confidence;
import dev.accords.provenance.Source;
import dev.accords.signatory.SignatoryCreate;
import dev.accords.signatory.SignatoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the example deal of docs/DOMAIN.md (the US–Ukraine natural resources and reconstruction
 * agreement of late February 2025) into an empty database, so that {@code ./mvnw quarkus:dev}
 * has something to show. On only where {@code accords.seed-example} is true (dev mode); it goes
 * through the services, so the example obeys every rule the API enforces.
 *
 * <p>Each step of the deal is one method; {@link #load()} runs them in order, in one transaction.
 */
@ApplicationScoped
public class ExampleDeal {

    static final String TITLE = "US–Ukraine Natural Resources and Reconstruction Agreement";

    /**
     * The news report the example deal comes from: Ukrainian officials, through the Financial Times,
     * on the terms agreed on 24–25 February 2025. Every write of the seed cites it; none of it was
     * confirmed by an official at the time, hence REPORTED.
     */
    public static final Source REPORT = new Source(
            "https://news.liga.net/en/all/news/ukraine-and-us-agree-on-terms-of-minerals-deal-ft-reveals-details",
            "Ukraine and US agree on terms of minerals deal: FT reveals details", "LIGA.net, citing the Financial Times",
            Instant.parse("2025-02-25T12:00:00Z"), Confidence.REPORTED);
    private static final Logger LOG = Logger.getLogger(ExampleDeal.class);

    @ConfigProperty(name = "accords.seed-example", defaultValue = "false")
    boolean enabled;

    @Inject
    AgreementRepository agreements;
    @Inject
    AgreementService agreementService;
    @Inject
    ClauseService clauses;
    @Inject
    PositionService positions;
    @Inject
    SignatoryService signatories;

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

    /**
     * Creates the whole example deal and returns its agreement's id. With a request context of its
     * own, like an API request, since the services take the source a write cites from it.
     */
    @ActivateRequestContext
    public UUID load() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            AgreementView agreement = createAgreement();
            addClauses(agreement.id());
            addSignatories(agreement.id());
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
                "Washington, D.C.",
                null, null, // entry into force on the last notification, the default
                REPORT));
    }

    /** Clauses 1 to 5: two agreed, the $500 billion demand rejected, clause 4 awaiting the US, clause 5 deferred. */
    void addClauses(UUID agreementId) {
        clause(agreementId, "1", "Access to rare earth and critical minerals", "natural-resources",
                ClauseStatus.AGREED, null, ClausePriority.NORMAL, null);
        clause(agreementId, "2", "Joint reconstruction investment fund", "reconstruction",
                ClauseStatus.AGREED, null, ClausePriority.NORMAL, null);
        UUID repayment = clause(agreementId, "3", "$500 billion share of mineral resources as repayment for past aid",
                "natural-resources", ClauseStatus.PROPOSED, null, ClausePriority.HIGH, "US");
        positions.put(agreementId, repayment, "UA", null, new PositionUpdate(Stance.REJECTS,
                "Ukraine will not repay past aid with its mineral wealth.", REPORT));
        ClausePatch removed = new ClausePatch();
        removed.status = Optional.of(ClauseStatus.REJECTED);
        removed.statusReason = Optional.of("Removed from the text");
        removed.source = Optional.of(REPORT);
        clauses.update(agreementId, repayment, null, removed);
        UUID contribution = clause(agreementId, "4", "Contribution to Ukraine's security and peace", "security",
                ClauseStatus.UNDER_NEGOTIATION, null, ClausePriority.NORMAL, null);
        positions.put(agreementId, contribution, "UA", null, new PositionUpdate(Stance.ACCEPTS, null, REPORT));
        UUID guarantees = clause(agreementId, "5", "US security guarantees (backstop)", "security",
                ClauseStatus.DEFERRED, "Left for future discussions", ClausePriority.CRITICAL, "UA");
        positions.put(agreementId, guarantees, "UA", null, new PositionUpdate(Stance.ACCEPTS, null, REPORT));
    }

    /** The two presidents who were to sign together on the Friday. */
    void addSignatories(UUID agreementId) {
        signatories.create(agreementId, new SignatoryCreate("Volodymyr Zelensky", "President of Ukraine", "UA", null, null, REPORT));
        signatories.create(agreementId, new SignatoryCreate("Donald Trump", "President of the United States", "US", null, null, REPORT));
    }

    private UUID clause(UUID agreementId, String reference, String title, String topic, ClauseStatus status,
                        String statusReason, ClausePriority priority, String proposedBy) {
        return clauses.create(agreementId, new ClauseCreate(reference, title, null, topic, status, statusReason,
                priority, proposedBy, REPORT)).id();
    }
}
