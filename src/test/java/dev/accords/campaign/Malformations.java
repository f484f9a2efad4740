package dev.accords.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;

/**
 * Generators of malformed requests, derived from the contract: for an operation they know its path,
 * query and header parameters, its request body schemas and examples, and build requests that break
 * exactly one thing (sometimes with odd but harmless filler elsewhere). The families, by what they
 * break:
 * <ul>
 * <li>parameters ({@link ParameterFamilies}): path, query;</li>
 * <li>headers ({@link HeaderFamilies}): header, accept, media;</li>
 * <li>the body ({@link BodyFamilies}, {@link JsonSyntaxFamily}): body, shape, json;</li>
 * <li>limits ({@link LimitFamilies}): size, longTarget, manyHeaders;</li>
 * <li>percent-encoding ({@link EscapeFamilies}): url, badEscape, escapedPath;</li>
 * <li>routes ({@link RouteFamilies}): route, matrix.</li>
 * </ul>
 *
 * <p>Every generator is built so that its requests cannot be valid, whatever the random choices: a
 * "bad UUID" is filtered against the UUID syntax, a "pattern violation" against the pattern, an
 * "unknown field" against the schema's properties, a "garbage cursor" against every cursor the
 * service could have issued, and so on. {@link MalformationPropertiesTest} checks that claim with an
 * independent oracle (the contract validator, a strict JSON parser, RFC syntax, the server's limits).
 */
public final class Malformations {

    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Baseline baseline;

    public Malformations(Contract contract) {
        this.baseline = new Baseline(contract);
        List<Family> all = new ArrayList<>();
        all.addAll(new ParameterFamilies(baseline).families());
        all.addAll(new HeaderFamilies(baseline).families());
        all.addAll(new BodyFamilies(baseline).families());
        all.addAll(new JsonSyntaxFamily(baseline).families());
        all.addAll(new LimitFamilies(baseline).families());
        all.addAll(new EscapeFamilies(baseline).families());
        all.addAll(new RouteFamilies(baseline).families());
        all.forEach(family -> families.put(family.name(), family));
    }

    /** Every family's name, in a fixed order. */
    public List<String> familyNames() {
        return List.copyOf(families.keySet());
    }

    /** The families that apply to an operation. */
    public List<String> families(Operation operation) {
        return families.values().stream().filter(family -> family.appliesTo().test(operation)).map(Family::name).toList();
    }

    /** Malformed requests for one operation, every applicable family in its weight. */
    public Gen<BadRequest> forOperation(Operation operation) {
        List<Gen.Weighted<BadRequest>> mix = new ArrayList<>();
        for (String name : families(operation)) {
            mix.add(Gen.weight(families.get(name).weight(), family(name, operation)));
        }
        return Gen.frequency(mix);
    }

    /**
     * The requests the campaign sends to an operation: one of every family that applies, so that no
     * seed leaves a family out, then the weighted mix.
     */
    public Stream<BadRequest> requests(Operation operation, SplittableRandom random) {
        Gen<BadRequest> mix = forOperation(operation);
        return Stream.concat(families(operation).stream().map(name -> family(name, operation).next(random)),
                Stream.generate(() -> mix.next(random)));
    }

    /** Malformed requests of one family for one operation (to which it must apply). */
    public Gen<BadRequest> family(String name, Operation operation) {
        Family family = families.get(name);
        if (family == null || !family.appliesTo().test(operation)) {
            throw new IllegalArgumentException(name + " does not apply to " + operation);
        }
        return family.requests().apply(operation);
    }

    /** The valid request the malformations of an operation start from: the oracle must let it through. */
    public BadRequest validRequest(Operation operation) {
        return baseline.start(operation, "none", "none");
    }
}
