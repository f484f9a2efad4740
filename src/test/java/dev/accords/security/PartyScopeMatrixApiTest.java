package dev.accords.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import dev.accords.support.Tokens;

/**
 * Who may act for which party: each write that acts for a party, tried by a negotiator bound to US,
 * an unbound negotiator, an admin and a reader, for each of the two parties of the deal (US and UA).
 * A refusal changes nothing. The reads of private notes are in {@link PrivateNotesApiTest}.
 */
@QuarkusTest
class PartyScopeMatrixApiTest extends ApiTest {

    /** The callers of the matrix; only BOUND_US speaks for one party alone. */
    enum Caller {
        BOUND_US(Tokens.forParty("us-negotiator", "negotiator", "US")),
        UNBOUND(Tokens.negotiator()),
        ADMIN(Tokens.admin()),
        READER(Tokens.forParty("us-reader", "reader", "US"));

        final String token;

        Caller(String token) {
            this.token = token;
        }
    }

    /**
     * What a caller gets for an action on {@code party}'s behalf, or (joint) a decision on something of
     * that party's: the other parties decide, so a negotiator bound to the party itself may not.
     */
    static String expected(Caller caller, String party, boolean joint) {
        return switch (caller) {
            case READER -> "FORBIDDEN";
            case ADMIN, UNBOUND -> null;
            case BOUND_US -> !party.equals("US") ? (joint ? null : "PARTY_NOT_REPRESENTED")
                    : (joint ? "PARTY_BOUND_TOKEN" : null);
        };
    }

    /** One action for a party, set up fresh (an agreement of its own) and then sent with a caller's token. */
    record Action(String name, boolean joint, BiFunction<String, String, Setup> setup) {
        Action(String name, BiFunction<String, String, Setup> setup) {
            this(name, false, setup);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A prepared action: send it with a token. */
    interface Setup {
        Response send(String token);
    }

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Action action : actions()) {
            for (String party : new String[] {"US", "UA"}) {
                for (Caller caller : Caller.values()) {
                    cases.add(Arguments.of(action, party, caller));
                }
            }
        }
        return cases.build();
    }

    static Action[] actions() {
        return new Action[] {
            new Action("set a stance", (agreementId, party) -> {
                String clauseId = Fixtures.clause(agreementId, "1", "UNDER_NEGOTIATION");
                return token -> as(token).body(Map.of("stance", "RESERVES", "note", "to be discussed"))
                        .put(clause(agreementId, clauseId) + "/positions/" + party);
            }),
            new Action("table a clause proposed by the party", (agreementId, party) ->
                    token -> as(token).body(Map.of("reference", "9", "title", "Fund governance", "proposedBy", party))
                            .post("/v1/agreements/" + agreementId + "/clauses")),
            new Action("attribute a clause to the party", (agreementId, party) -> {
                String clauseId = Fixtures.clause(agreementId, "1", null);
                return token -> as(token).body(Map.of("proposedBy", party)).patch(clause(agreementId, clauseId));
            }),
            new Action("name a signatory", (agreementId, party) ->
                    token -> as(token).body(Map.of("name", "Signatory of " + party, "partyCode", party))
                            .post("/v1/agreements/" + agreementId + "/signatories")),
            new Action("rename a signatory", (agreementId, party) -> {
                String signatoryId = signatory(agreementId, party);
                return token -> as(token).body(Map.of("role", "Minister")).patch(signatory(agreementId, signatoryId, ""));
            }),
            new Action("remove a signatory", (agreementId, party) -> {
                String signatoryId = signatory(agreementId, party);
                return token -> as(token).delete(signatory(agreementId, signatoryId, ""));
            }),
            new Action("sign", (agreementId, party) -> {
                String signatoryId = signatory(agreementId, party);
                Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
                return token -> as(token).body(Map.of()).post(signatory(agreementId, signatoryId, "/signature"));
            }),
            new Action("propose wording", (agreementId, party) -> {
                String clauseId = Fixtures.clause(agreementId, "1", "UNDER_NEGOTIATION");
                return token -> as(token).body(Map.of("text", "The Fund is managed jointly.", "basedOnRevision", 1,
                        "partyCode", party)).post(clause(agreementId, clauseId) + "/proposals");
            }),
            new Action("withdraw a proposal", (agreementId, party) -> {
                String[] proposal = proposal(agreementId, party);
                return token -> as(token).body(Map.of()).post(proposal[1] + "/withdrawal");
            }),
            new Action("accept a proposal", true, (agreementId, party) -> {
                String[] proposal = proposal(agreementId, party);
                return token -> as(token).header("If-Match", "\"0\"").post(proposal[1] + "/acceptance");
            }),
            new Action("reject a proposal", true, (agreementId, party) -> {
                String[] proposal = proposal(agreementId, party);
                return token -> as(token).body(Map.of("reason", "not this wording")).post(proposal[1] + "/rejection");
            }),
            new Action("record an instrument", (ignored, party) -> {
                String signed = dev.accords.support.InForce.signedAgreement();
                return token -> as(token).body(Map.of("partyCode", party, "kind", "RATIFICATION",
                        "date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "body", "Parliament",
                        "reference", "Law on ratification")).post("/v1/agreements/" + signed + "/instruments");
            }),
            new Action("decline", (agreementId, party) -> {
                String signatoryId = signatory(agreementId, party);
                Fixtures.patchAgreement(agreementId, Map.of("status", "FINALIZED"));
                return token -> as(token).body(Map.of("reason", "not yet"))
                        .post(signatory(agreementId, signatoryId, "/declination"));
            }),
        };
    }

    @ParameterizedTest(name = "{2} may {0} for {1}?")
    @MethodSource("matrix")
    void shouldLetOnlyThoseWhoSpeakForAPartyActForIt(Action action, String party, Caller caller) {
        String agreementId = Fixtures.agreement();
        Setup prepared = action.setup().apply(agreementId, party);
        String refusal = expected(caller, party, action.joint());
        var before = database.fingerprint();
        Response response = prepared.send(caller.token);
        if (refusal == null) {
            assertThat(response.statusCode()).as(response.asString()).isBetween(200, 204);
        } else {
            response.then().statusCode(403).body("code", equalTo(refusal));
            assertThat(database.fingerprint()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "{0} rewrites a clause's text directly")
    @MethodSource("callers")
    void shouldLeaveTheJointTextToProposalsForPartyBoundNegotiators(Caller caller) {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        var before = database.fingerprint();
        Response response = as(caller.token).body(Map.of("text", "The Fund shall be jointly managed.")).patch(clause(agreementId, clauseId));
        switch (caller) {
            case BOUND_US -> response.then().statusCode(403).body("code", equalTo("PARTY_BOUND_TOKEN"));
            case READER -> response.then().statusCode(403).body("code", equalTo("FORBIDDEN"));
            default -> response.then().statusCode(200).body("text", equalTo("The Fund shall be jointly managed."));
        }
        if (caller == Caller.BOUND_US || caller == Caller.READER) {
            assertThat(database.fingerprint()).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "a negotiator bound to US and UA sets {0}'s stance")
    @MethodSource("parties")
    void shouldLetANegotiatorBoundToSeveralPartiesActForEach(String party) {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        as(Tokens.forParty("joint-team", "negotiator", "US", "UA")).body(Map.of("stance", "ACCEPTS"))
                .put(clause(agreementId, clauseId) + "/positions/" + party)
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "a token whose party claim is {0} acts for no party")
    @MethodSource("malformedClaims")
    void shouldBindATokenWithAMalformedPartyClaimToNoParty(String label, Object claim) {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String token = io.smallrye.jwt.build.Jwt.issuer("https://accords.example/dev").subject("odd").upn("odd")
                .groups(java.util.Set.of("negotiator")).claim("party", claim).expiresIn(java.time.Duration.ofHours(1)).sign();
        var before = database.fingerprint();
        as(token).body(Map.of("stance", "ACCEPTS")).put(clause(agreementId, clauseId) + "/positions/US")
                .then().statusCode(403).body("code", equalTo("PARTY_NOT_REPRESENTED"));
        assertThat(database.fingerprint()).isEqualTo(before);
    }

    static Stream<Caller> callers() {
        return Stream.of(Caller.values());
    }

    static Stream<String> parties() {
        return Stream.of("US", "UA");
    }

    static Stream<Arguments> malformedClaims() {
        return Stream.of(Arguments.of("an empty list", java.util.List.of()),
                Arguments.of("a blank string", " "),
                Arguments.of("a number", 7),
                Arguments.of("a list with a number", java.util.List.of("US", 7)));
    }

    private static String clause(String agreementId, String clauseId) {
        return "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
    }

    /** A clause and the proposal an admin made for the party on it: {clause path, proposal path}. */
    private static String[] proposal(String agreementId, String party) {
        String clauseId = Fixtures.clause(agreementId, "1", "UNDER_NEGOTIATION");
        String proposalId = as(Tokens.admin()).body(Map.of("text", "The Fund is managed jointly.", "basedOnRevision", 1,
                        "partyCode", party)).post(clause(agreementId, clauseId) + "/proposals")
                .then().statusCode(201).extract().path("id");
        return new String[] {clause(agreementId, clauseId), clause(agreementId, clauseId) + "/proposals/" + proposalId};
    }

    private static String signatory(String agreementId, String party) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Signatory of " + party);
        body.put("partyCode", party);
        return as(Tokens.admin()).body(body).post("/v1/agreements/" + agreementId + "/signatories")
                .then().statusCode(201).extract().path("id");
    }

    private static String signatory(String agreementId, String signatoryId, String suffix) {
        return "/v1/agreements/" + agreementId + "/signatories/" + signatoryId + suffix;
    }
}
