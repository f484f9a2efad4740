package dev.accords.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;

/**
 * The campaign's claims about its generators, checked without the application on many samples from
 * many seeds: every request is invalid, and for the reason its family claims, by an oracle independent
 * of the generators ({@link InvalidityOracle}); the oracle lets the valid starting point of every
 * operation through; a seed gives the same requests every time; every family applies somewhere, and
 * the campaign sends every family that applies to an operation. A failure names the seed, family and
 * request, so it can be replayed.
 */
class MalformationPropertiesTest {

    /** Seeds for the samples: fixed, so a failure is replayed by running the test again. */
    private static final long[] SEEDS = {1, 2, 3, 5, 8, 13, 21, 34, 20250228, -7_349_110_246_413L};
    private static final int DETERMINISM_SEEDS = 4;
    private static final int PER_FAMILY_AND_SEED = 4;
    private static final int MIX_PER_SEED = 10;
    private static final String AUTHORIZATION = "Bearer e30.e30.c2ln";
    private static final Map<String, String> IDS = Map.of("agreementId", UUID.randomUUID().toString(),
            "clauseId", UUID.randomUUID().toString(), "signatoryId", UUID.randomUUID().toString(), "partyCode", "UA",
            "endpointId", UUID.randomUUID().toString(), "deliveryId", UUID.randomUUID().toString(),
            "proposalId", UUID.randomUUID().toString(), "instrumentId", UUID.randomUUID().toString());

    /** The kinds of reason that show a family's defect (see {@link InvalidityOracle}). */
    private static final Map<String, List<String>> CLAIMS = new TreeMap<>(Map.ofEntries(
            Map.entry("path", List.of("path:")),
            Map.entry("query", List.of("query:", "contract: validation.request.parameter")),
            Map.entry("header", List.of("header:")),
            Map.entry("accept", List.of("accept:")),
            Map.entry("media", List.of("media:")),
            Map.entry("body", List.of("contract: validation.request.body")),
            Map.entry("shape", List.of("contract: validation.request.body.schema.type")),
            Map.entry("json", List.of("json:")),
            Map.entry("size", List.of("size:")),
            Map.entry("longTarget", List.of("limit: a request target")),
            Map.entry("manyHeaders", List.of("limit: a header section")),
            Map.entry("url", List.of("url:")),
            Map.entry("badEscape", List.of("escape:")),
            Map.entry("escapedPath", List.of("path:")),
            Map.entry("route", List.of("route:")),
            Map.entry("matrix", List.of("route:", "path:"))));

    private final Contract contract = Contract.load();
    private final Malformations malformations = new Malformations(contract);
    private final InvalidityOracle oracle = new InvalidityOracle(contract, IDS);

    @Test
    void everyFamilyMakesOnlyRequestsThatAreInvalidForTheReasonItClaims() {
        List<String> failures = new ArrayList<>();
        Map<String, Integer> failingFamilies = new TreeMap<>();
        int checked = 0;
        for (long seed : SEEDS) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Operation operation : contract.operations()) {
                for (String family : malformations.families(operation)) {
                    Gen<BadRequest> requests = malformations.family(family, operation);
                    for (int i = 0; i < PER_FAMILY_AND_SEED; i++) {
                        BadRequest request = requests.next(random);
                        checked++;
                        List<String> reasons = oracle.whyInvalid(request, AUTHORIZATION);
                        if (!request.family().equals(family) || !showsClaim(family, reasons)) {
                            failingFamilies.merge(family, 1, Integer::sum);
                            failures.add("seed " + seed + ", " + family + ": " + request.describe(IDS) + "\n    reasons: "
                                    + reasons);
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(5_000);
        assertThat(failures).as("%d of %d requests not invalid for their family's reason, by family %s, e.g.:%n%s",
                failures.size(), checked, failingFamilies, String.join("\n", failures.subList(0, Math.min(8, failures.size()))))
                .isEmpty();
    }

    @Test
    void theMixSentToEachOperationIsInvalidThroughout() {
        List<String> failures = new ArrayList<>();
        for (long seed : SEEDS) {
            SplittableRandom random = new SplittableRandom(seed);
            for (Operation operation : contract.operations()) {
                Gen<BadRequest> mix = malformations.forOperation(operation);
                for (int i = 0; i < MIX_PER_SEED; i++) {
                    BadRequest request = mix.next(random);
                    List<String> reasons = oracle.whyInvalid(request, AUTHORIZATION);
                    if (reasons.isEmpty() || request.operation() != operation) {
                        failures.add("seed " + seed + ": " + request.describe(IDS));
                    }
                }
            }
        }
        assertThat(failures).as("valid requests in the mix, e.g.:%n%s",
                String.join("\n", failures.subList(0, Math.min(8, failures.size())))).isEmpty();
    }

    /** The oracle is only worth something if it lets the valid starting point of every operation through. */
    @Test
    void theValidRequestEveryMalformationStartsFromIsValid() {
        for (Operation operation : contract.operations()) {
            BadRequest valid = malformations.validRequest(operation);
            assertThat(oracle.whyInvalid(valid, AUTHORIZATION)).as(valid.describe(IDS)).isEmpty();
        }
    }

    @Test
    void aSeedGivesTheSameRequestsEveryTimeAndAnotherSeedOthers() {
        for (long seed : Arrays.copyOf(SEEDS, DETERMINISM_SEEDS)) {
            List<String> first = sample(new Malformations(contract), seed);
            List<String> again = sample(new Malformations(Contract.load()), seed);
            assertThat(again).as("seed %d", seed).isEqualTo(first);
            assertThat(sample(malformations, seed + 1)).as("seed %d and %d", seed, seed + 1).isNotEqualTo(first);
        }
    }

    /** Twenty requests to every operation, as the campaign draws them, each written out in full. */
    private static List<String> sample(Malformations malformations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> sample = new ArrayList<>();
        for (Operation operation : Contract.load().operations()) {
            malformations.requests(operation, random.split()).limit(20).forEach(request -> sample.add(String.join(" | ",
                    request.defect(), request.method(), request.target(IDS), request.headers().toString(),
                    Integer.toString(Arrays.hashCode(request.body())), Boolean.toString(request.chunked()),
                    String.valueOf(request.expected()))));
        }
        return sample;
    }

    @Test
    void everyFamilyAppliesToSomeOperationAndTheCampaignSendsEachThatApplies() {
        Set<String> applied = new TreeSet<>();
        for (Operation operation : contract.operations()) {
            List<String> families = malformations.families(operation);
            assertThat(families).as("%s", operation).contains("route", "matrix", "longTarget", "manyHeaders");
            applied.addAll(families);
            for (long seed : SEEDS) {
                Set<String> sent = new LinkedHashSet<>();
                malformations.requests(operation, new SplittableRandom(seed)).limit(families.size())
                        .forEach(request -> sent.add(request.family()));
                assertThat(sent).as("%s, seed %d: the families of the first requests", operation, seed)
                        .containsExactlyInAnyOrderElementsOf(families);
            }
        }
        assertThat(applied).as("families that apply to some operation").containsExactlyInAnyOrderElementsOf(
                malformations.familyNames());
        assertThat(CLAIMS.keySet()).as("families with a claim to check").isEqualTo(new TreeSet<>(malformations.familyNames()));
    }

    private static boolean showsClaim(String family, List<String> reasons) {
        List<String> claims = CLAIMS.getOrDefault(family, List.of());
        return reasons.stream().anyMatch(reason -> claims.stream().anyMatch(reason::startsWith));
    }
}
