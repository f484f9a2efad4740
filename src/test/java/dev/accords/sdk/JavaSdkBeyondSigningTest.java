package dev.accords.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.accords.client.ApiClient;
import dev.accords.client.ApiException;
import dev.accords.client.api.AgreementsApi;
import dev.accords.client.api.ClausesApi;
import dev.accords.client.api.EventsApi;
import dev.accords.client.api.RatificationApi;
import dev.accords.client.api.ReportsApi;
import dev.accords.client.api.SignatoriesApi;
import dev.accords.client.model.Agreement;
import dev.accords.client.model.AgreementCreate;
import dev.accords.client.model.AgreementPatch;
import dev.accords.client.model.AgreementStatus;
import dev.accords.client.model.Clause;
import dev.accords.client.model.ClauseComparison;
import dev.accords.client.model.ClauseCreate;
import dev.accords.client.model.ClausePatch;
import dev.accords.client.model.ClauseStatus;
import dev.accords.client.model.Confidence;
import dev.accords.client.model.EntryIntoForceRule;
import dev.accords.client.model.Event;
import dev.accords.client.model.EventKind;
import dev.accords.client.model.InitialAgreementStatus;
import dev.accords.client.model.InstrumentCreate;
import dev.accords.client.model.InstrumentKind;
import dev.accords.client.model.OpenClause;
import dev.accords.client.model.Party;
import dev.accords.client.model.PartyRatificationStatus;
import dev.accords.client.model.Position;
import dev.accords.client.model.PositionUpdate;
import dev.accords.client.model.Problem;
import dev.accords.client.model.ProblemCode;
import dev.accords.client.model.Proposal;
import dev.accords.client.model.ProposalCreate;
import dev.accords.client.model.ProposalStatus;
import dev.accords.client.model.Ratification;
import dev.accords.client.model.RevisionPage;
import dev.accords.client.model.SignatoryCreate;
import dev.accords.client.model.SignatureRequest;
import dev.accords.client.model.Source;
import dev.accords.client.model.Stance;
import dev.accords.client.model.TextOperationKind;
import dev.accords.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README walkthrough's story beyond the first draft (steps 9 to 13), through the Java SDK generated
 * from openapi.yaml: party-bound delegations, a private note, a redline compared and accepted, a
 * reported stance later confirmed, and both parties' instruments taking the signed deal into force.
 */
@QuarkusTest
class JavaSdkBeyondSigningTest {

    private static final Source REPORTED = new Source()
            .url("https://news.liga.net/en/all/news/ukraine-and-us-agree-on-terms-of-minerals-deal-ft-reveals-details")
            .publisher("LIGA.net, citing the Financial Times")
            .publishedAt(OffsetDateTime.of(2025, 2, 25, 12, 0, 0, 0, ZoneOffset.UTC))
            .confidence(Confidence.REPORTED);
    private static final Source CONFIRMED = new Source().url("https://www.whitehouse.gov/briefings-statements/")
            .publisher("The White House").confidence(Confidence.CONFIRMED);

    @TestHTTPResource("/")
    URL service;

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void shouldTakeTheExampleDealFromPartyDelegationsToEntryIntoForceThroughTheGeneratedJavaSdk() throws Exception {
        ApiClient secretariat = client(Tokens.negotiator());
        ApiClient usDelegation = client(Tokens.forParty("us-negotiator", "negotiator", "US"));
        ApiClient uaDelegation = client(Tokens.forParty("ua-negotiator", "negotiator", "UA"));
        AgreementsApi agreements = new AgreementsApi(secretariat);
        ClausesApi clauses = new ClausesApi(secretariat);
        ClausesApi asUs = new ClausesApi(usDelegation);
        ClausesApi asUa = new ClausesApi(uaDelegation);

        UUID id = agreements.createAgreement(new AgreementCreate()
                .title("US–Ukraine Natural Resources and Reconstruction Agreement")
                .parties(List.of(new Party().code("US").name("United States"), new Party().code("UA").name("Ukraine")))
                .status(InitialAgreementStatus.NEGOTIATING), null).getId();
        Clause security = clauses.createClause(id, new ClauseCreate().reference("4")
                .title("Contribution to Ukraine's security and peace").status(ClauseStatus.UNDER_NEGOTIATION), null);
        UUID clauseId = security.getId();
        asUa.setClausePosition(id, clauseId, "UA", new PositionUpdate().stance(Stance.ACCEPTS), null);

        // 9. The US delegation speaks for the US only, and its note is its own.
        ApiException notForUkraine = catchThrowableOfType(ApiException.class,
                () -> asUs.setClausePosition(id, clauseId, "UA", new PositionUpdate().stance(Stance.REJECTS), null));
        assertThat(notForUkraine.getCode()).isEqualTo(403);
        assertThat(problem(notForUkraine).getCode()).isEqualTo(ProblemCode.PARTY_NOT_REPRESENTED);
        Clause reserved = asUs.setClausePosition(id, clauseId, "US", new PositionUpdate().stance(Stance.RESERVES)
                .note("Tighten the wording before we confirm"), null);
        assertThat(position(reserved, "US").getNote()).isEqualTo("Tighten the wording before we confirm");
        assertThat(position(asUa.getClause(id, clauseId, null), "US").getNote()).isNull();

        // 10. A redline: the US proposes its wording on the current revision, Ukraine compares and accepts it.
        RevisionPage revisions = asUa.listClauseRevisions(id, clauseId, null, null);
        int current = revisions.getItems().get(revisions.getItems().size() - 1).getNumber();
        String wording = "The United States supports Ukraine's efforts to obtain the security guarantees needed for lasting peace.";
        Proposal proposal = asUs.proposeClauseText(id, clauseId, new ProposalCreate().basedOnRevision(current).text(wording), null);
        assertThat(proposal.getPartyCode()).isEqualTo("US");
        ClauseComparison comparison = asUa.compareClauseTexts(id, clauseId, String.valueOf(current), proposal.getId().toString());
        assertThat(comparison.getOperations()).filteredOn(op -> op.getOp() != TextOperationKind.EQUAL)
                .isNotEmpty().allSatisfy(op -> assertThat(op.getPartyCode()).isEqualTo("US"));
        String etag = asUa.getClauseWithHttpInfo(id, clauseId, null).getHeaders().get("etag").get(0);
        Proposal accepted = asUa.acceptClauseProposal(id, clauseId, proposal.getId(), etag, null);
        assertThat(accepted.getStatus()).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(clauses.getClause(id, clauseId, null).getText()).isEqualTo(wording);

        // 11. The press reports the US acceptance; the White House confirms it.
        asUs.setClausePosition(id, clauseId, "US", new PositionUpdate().stance(Stance.ACCEPTS).source(REPORTED), null);
        ReportsApi reports = new ReportsApi(client(Tokens.reader()));
        OpenClause reportedOnly = reports.getAgreementOpenClauses(id, null).getOpenClauses().get(0);
        assertThat(reportedOnly.getWeakestConfidence()).isNull(); // the clause's status itself cites nothing yet
        asUs.setClausePosition(id, clauseId, "US", new PositionUpdate().stance(Stance.ACCEPTS).source(CONFIRMED), null);
        Clause agreed = clauses.updateClause(id, clauseId, new ClausePatch().status(ClauseStatus.AGREED)
                .statusReason("US confirmed the final text").source(CONFIRMED), null);
        assertThat(agreed.getStatusSource().getConfidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(position(agreed, "US").getSource().getConfidence()).isEqualTo(Confidence.CONFIRMED);
        List<Event> trail = new EventsApi(secretariat).listAgreementEvents(id, null, null).getItems();
        assertThat(trail).extracting(Event::getKind).contains(EventKind.CLAUSE_SOURCE_CHANGED);

        // 12. The rule for entry into force, then the two signatures.
        SignatoriesApi signatories = new SignatoriesApi(secretariat);
        UUID zelensky = signatories.createSignatory(id, new SignatoryCreate().name("Volodymyr Zelensky").partyCode("UA"), null).getId();
        UUID trump = signatories.createSignatory(id, new SignatoryCreate().name("Donald Trump").partyCode("US"), null).getId();
        agreements.updateAgreement(id, new AgreementPatch().entryIntoForceRule(EntryIntoForceRule.ON_LAST_NOTIFICATION)
                .status(AgreementStatus.FINALIZED), null);
        SignatureRequest atTheWhiteHouse = new SignatureRequest().signedPlace("Washington, D.C.");
        signatories.signAgreement(id, zelensky, null, null, atTheWhiteHouse);
        signatories.signAgreement(id, trump, null, null, atTheWhiteHouse);
        assertThat(agreements.getAgreement(id, null).getStatus()).isEqualTo(AgreementStatus.SIGNED);

        // 13. Each party's instruments; the second notification brings the agreement into force today.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        RatificationApi uaRatification = new RatificationApi(uaDelegation);
        RatificationApi usRatification = new RatificationApi(usDelegation);
        uaRatification.recordInstrument(id, new InstrumentCreate().partyCode("UA").kind(InstrumentKind.RATIFICATION)
                .date(today).body("Verkhovna Rada of Ukraine").reference("Law on ratification"), null);
        uaRatification.recordInstrument(id, new InstrumentCreate().partyCode("UA").kind(InstrumentKind.NOTIFICATION)
                .date(today).body("Ministry of Foreign Affairs of Ukraine").reference("Diplomatic note"), null);
        Ratification halfway = usRatification.getRatification(id);
        assertThat(halfway.getParties()).extracting(p -> p.getPartyCode() + " " + p.getStatus())
                .containsExactly("US " + PartyRatificationStatus.PENDING, "UA " + PartyRatificationStatus.NOTIFIED);
        assertThat(agreements.getAgreement(id, null).getStatus()).isEqualTo(AgreementStatus.SIGNED);
        usRatification.recordInstrument(id, new InstrumentCreate().partyCode("US").kind(InstrumentKind.NOTIFICATION)
                .date(today).body("U.S. Department of State").reference("Diplomatic note"), null);

        Agreement inForce = agreements.getAgreement(id, null);
        assertThat(inForce.getStatus()).isEqualTo(AgreementStatus.IN_FORCE);
        assertThat(inForce.getEntryIntoForceDate()).isEqualTo(today);
    }

    private static Position position(Clause clause, String party) {
        return clause.getPositions().stream().filter(p -> p.getPartyCode().equals(party)).findFirst().orElseThrow();
    }

    private static Problem problem(ApiException refused) throws Exception {
        return new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
    }
}
