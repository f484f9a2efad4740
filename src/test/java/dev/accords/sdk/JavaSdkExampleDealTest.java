package dev.accords.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.accords.client.ApiClient;
import dev.accords.client.ApiException;
import dev.accords.client.api.AgreementsApi;
import dev.accords.client.api.ClausesApi;
import dev.accords.client.api.ReportsApi;
import dev.accords.client.api.SignatoriesApi;
import dev.accords.client.model.Agreement;
import dev.accords.client.model.AgreementCreate;
import dev.accords.client.model.AgreementOpenClausesReport;
import dev.accords.client.model.AgreementPatch;
import dev.accords.client.model.AgreementStatus;
import dev.accords.client.model.BlockingClause;
import dev.accords.client.model.Clause;
import dev.accords.client.model.ClauseCreate;
import dev.accords.client.model.ClausePatch;
import dev.accords.client.model.ClausePriority;
import dev.accords.client.model.ClauseStatus;
import dev.accords.client.model.InitialAgreementStatus;
import dev.accords.client.model.OpenClause;
import dev.accords.client.model.Party;
import dev.accords.client.model.PositionUpdate;
import dev.accords.client.model.Problem;
import dev.accords.client.model.ProblemCode;
import dev.accords.client.model.Signatory;
import dev.accords.client.model.SignatoryCreate;
import dev.accords.client.model.SignatoryStatus;
import dev.accords.client.model.SignatureRequest;
import dev.accords.client.model.Stance;
import dev.accords.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Drives the example deal of docs/DOMAIN.md through the Java SDK generated from openapi.yaml (by
 * openapi-generator-maven-plugin, into target/generated-test-sources/java-sdk) against the running
 * service: what a Java frontend team would write, compiled against what they would generate.
 */
@QuarkusTest
class JavaSdkExampleDealTest {

    @TestHTTPResource("/")
    URL service;

    AgreementsApi agreements;
    ClausesApi clauses;
    SignatoriesApi signatories;
    ReportsApi reports;

    @BeforeEach
    void connect() {
        ApiClient negotiator = client(Tokens.negotiator());
        agreements = new AgreementsApi(negotiator);
        clauses = new ClausesApi(negotiator);
        signatories = new SignatoriesApi(negotiator);
        reports = new ReportsApi(client(Tokens.reader()));
    }

    /** The generated client with a bearer token: the native library leaves auth to a request interceptor. */
    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void shouldNegotiateFinalizeAndSignTheExampleDealThroughTheGeneratedJavaSdk() throws Exception {
        Agreement agreement = agreements.createAgreement(new AgreementCreate()
                .title("US–Ukraine Natural Resources and Reconstruction Agreement")
                .summary("Joint fund for Ukraine's reconstruction financed by natural-resource revenues.")
                .parties(List.of(new Party().code("US").name("United States"), new Party().code("UA").name("Ukraine")))
                .tags(List.of("natural-resources", "reconstruction", "security"))
                .status(InitialAgreementStatus.NEGOTIATING)
                .plannedSigningDate(LocalDate.of(2025, 2, 28))
                .signingPlace("Washington, D.C."), UUID.randomUUID().toString());
        UUID id = agreement.getId();
        assertThat(agreement.getStatus()).isEqualTo(AgreementStatus.NEGOTIATING);

        // Clauses 1 and 2: both parties accept, and they are agreed.
        for (String[] agreed : List.of(
                new String[] {"1", "Access to rare earth and critical minerals", "natural-resources"},
                new String[] {"2", "Joint reconstruction investment fund", "reconstruction"})) {
            Clause clause = clauses.createClause(id, new ClauseCreate().reference(agreed[0]).title(agreed[1])
                    .topic(agreed[2]), null);
            accept(id, clause, "US");
            accept(id, clause, "UA");
            assertThat(clauses.updateClause(id, clause.getId(), new ClausePatch().status(ClauseStatus.AGREED), null)
                    .getStatus()).isEqualTo(ClauseStatus.AGREED);
        }

        // Clause 3: the $500 billion demand, proposed by the US, rejected by Ukraine and removed.
        Clause demand = clauses.createClause(id, new ClauseCreate().reference("3")
                .title("$500 billion share of mineral resources as repayment for past aid")
                .topic("natural-resources").proposedBy("US"), null);
        clauses.setClausePosition(id, demand.getId(), "UA", new PositionUpdate().stance(Stance.REJECTS), null);
        assertThat(clauses.updateClause(id, demand.getId(), new ClausePatch().status(ClauseStatus.REJECTED)
                .statusReason("Removed from the text"), null).getStatus()).isEqualTo(ClauseStatus.REJECTED);

        // Clause 4: under negotiation; Ukraine accepts, the US has not confirmed.
        Clause security = clauses.createClause(id, new ClauseCreate().reference("4")
                .title("Contribution to Ukraine's security and peace").topic("security")
                .status(ClauseStatus.UNDER_NEGOTIATION).priority(ClausePriority.HIGH), null);
        accept(id, security, "UA");

        // Clause 5: the security guarantees Ukraine asked for (and accepts), deferred to future discussions.
        Clause guarantees = clauses.createClause(id, new ClauseCreate().reference("5")
                .title("US security guarantees (backstop)").topic("security").proposedBy("UA")
                .priority(ClausePriority.CRITICAL).status(ClauseStatus.DEFERRED)
                .statusReason("Left for future discussions"), null);
        accept(id, guarantees, "UA");

        // Who is holding it up? Clause 5 (critical, deferred), then clause 4 (blocking), both awaiting the US.
        AgreementOpenClausesReport report = reports.getAgreementOpenClauses(id, null);
        assertThat(report.getOpenClauses()).extracting(OpenClause::getReference).containsExactly("5", "4");
        assertThat(report.getOpenClauses()).extracting(OpenClause::getId)
                .containsExactly(guarantees.getId(), security.getId());
        assertThat(report.getOpenClauses()).allSatisfy(open -> assertThat(open.getAwaiting()).containsExactly("US"));
        assertThat(report.getOpenClauses()).extracting(OpenClause::getBlocking).containsExactly(false, true);
        assertThat(report.getTotals().getOpen()).isEqualTo(2);
        assertThat(report.getTotals().getBlocking()).isEqualTo(1);
        assertThat(report.getTotals().getDeferred()).isEqualTo(1);
        assertThat(report.getSignable()).isFalse();

        // Each president is bound to his own token subject: only he (or an admin) can sign for him.
        Signatory zelensky = signatories.createSignatory(id, new SignatoryCreate().name("Volodymyr Zelensky")
                .role("President of Ukraine").partyCode("UA").signingOrder(1).principal("volodymyr-zelensky"), null);
        Signatory trump = signatories.createSignatory(id, new SignatoryCreate().name("Donald Trump")
                .role("President of the United States").partyCode("US").signingOrder(1).principal("donald-trump"), null);

        // Finalizing is refused while clause 4 blocks; the SDK's Problem model says which clause.
        ApiException refused = catchThrowableOfType(ApiException.class,
                () -> agreements.updateAgreement(id, new AgreementPatch().status(AgreementStatus.FINALIZED), null));
        assertThat(refused.getCode()).isEqualTo(409);
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo(ProblemCode.AGREEMENT_HAS_BLOCKING_CLAUSES);
        assertThat(problem.getBlockingClauses()).extracting(BlockingClause::getReference).containsExactly("4");

        // The US confirms clause 4; it is agreed, and the agreement is finalized (guarded by its ETag).
        accept(id, security, "US");
        clauses.updateClause(id, security.getId(), new ClausePatch().status(ClauseStatus.AGREED)
                .statusReason("US confirmed the final text"), null);
        assertThat(reports.getAgreementOpenClauses(id, null).getSignable()).isTrue();
        String etag = agreements.getAgreementWithHttpInfo(id, null).getHeaders().get("etag").get(0);
        Agreement finalized = agreements.updateAgreement(id, new AgreementPatch().status(AgreementStatus.FINALIZED), etag);
        assertThat(finalized.getStatus()).isEqualTo(AgreementStatus.FINALIZED);
        assertThat(finalized.getFinalizedAt()).isNotNull();

        // The two presidents sign together, each with his own token; the second signature makes the
        // agreement SIGNED. A negotiator cannot sign for a bound signatory.
        SignatureRequest atTheWhiteHouse = new SignatureRequest().signedPlace("Washington, D.C.");
        ApiException notHim = catchThrowableOfType(ApiException.class,
                () -> signatories.signAgreement(id, trump.getId(), null, null, atTheWhiteHouse));
        assertThat(notHim.getCode()).isEqualTo(403);
        SignatoriesApi asZelensky = new SignatoriesApi(client(Tokens.forSubject("volodymyr-zelensky", "reader")));
        SignatoriesApi asTrump = new SignatoriesApi(client(Tokens.forSubject("donald-trump", "reader")));
        assertThat(asZelensky.signAgreement(id, zelensky.getId(), null, null, atTheWhiteHouse).getStatus())
                .isEqualTo(SignatoryStatus.SIGNED);
        assertThat(agreements.getAgreement(id, null).getStatus()).isEqualTo(AgreementStatus.FINALIZED);
        Signatory lastSignature = asTrump.signAgreement(id, trump.getId(), null, null, atTheWhiteHouse);
        assertThat(lastSignature.getStatus()).isEqualTo(SignatoryStatus.SIGNED);
        assertThat(lastSignature.getSignedPlace()).isEqualTo("Washington, D.C.");

        Agreement signed = agreements.getAgreement(id, null);
        assertThat(signed.getStatus()).isEqualTo(AgreementStatus.SIGNED);
        assertThat(signed.getSignedAt()).isNotNull();
        assertThat(signatories.listSignatories(id, null, null).getItems())
                .extracting(Signatory::getStatus).containsOnly(SignatoryStatus.SIGNED);
    }

    private void accept(UUID agreementId, Clause clause, String party) throws ApiException {
        Clause updated = clauses.setClausePosition(agreementId, clause.getId(), party,
                new PositionUpdate().stance(Stance.ACCEPTS), null);
        assertThat(updated.getPositions()).anySatisfy(position -> {
            assertThat(position.getPartyCode()).isEqualTo(party);
            assertThat(position.getStance()).isEqualTo(Stance.ACCEPTS);
        });
    }
}
