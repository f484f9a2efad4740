package dev.accords.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;
import dev.accords.problem.ProblemCode;

/**
 * Requests for routes the contract does not have: a method the path does not declare, or an unknown
 * sub-path ("route"), and a segment with matrix parameters such as {@code ;jsessionid=x} ("matrix"),
 * which no path of the contract has: JAX-RS would drop them and serve the path without them, so the
 * service answers 404 ROUTE_NOT_FOUND, as for any other path it does not have.
 */
final class RouteFamilies {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Baseline baseline;
    private final List<Pattern> templates = new ArrayList<>();
    private final Set<String> literalSegments = new TreeSet<>();

    RouteFamilies(Baseline baseline) {
        this.baseline = baseline;
        for (Operation operation : baseline.contract().operations()) {
            templates.add(template(operation.path()));
            for (String segment : operation.path().split("/")) {
                if (!segment.isEmpty() && !segment.startsWith("{")) {
                    literalSegments.add(segment);
                }
            }
        }
    }

    /** The paths a template matches: its literal segments as they are, a parameter as any one segment. */
    static Pattern template(String path) {
        StringBuilder regex = new StringBuilder("^");
        for (String part : path.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.append('$').toString());
    }

    List<Family> families() {
        return List.of(new Family("route", 2, op -> true, this::route),
                new Family("matrix", 1, op -> true, this::matrix));
    }

    private Gen<BadRequest> route(Operation op) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        Contract contract = baseline.contract();
        List<String> undeclared = new ArrayList<>(METHODS);
        undeclared.removeAll(contract.methodsOf(op.path()));
        if (!undeclared.isEmpty()) {
            options.add(Gen.of(undeclared).map(method -> {
                List<Map.Entry<String, String>> headers = new ArrayList<>();
                headers.add(Map.entry("Accept", Baseline.ACCEPT));
                byte[] body = null;
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    headers.add(Map.entry("Content-Type", "application/json"));
                    body = Baseline.utf8("{}");
                }
                return BadRequest.of(op, "route", "route.method." + method, headers, body).withMethod(method);
            }));
        }
        Gen<String> segment = Gen.<String>oneOf(
                Gen.of("x", "nonexistent", "v2", "admin", "clauses", "events", "items", "1", "%20", "~"),
                Gen.of(new ArrayList<>(literalSegments)).map(s -> s.toUpperCase(Locale.ROOT)),
                OddStrings.shortOdd().map(Urls::encode));
        options.add(segment.list(1, 2).map(segments -> "/" + String.join("/", segments))
                .filter(suffix -> matchesNoTemplate(op.path(), suffix))
                .map(suffix -> baseline.start(op, "route", "route.unknownPath").withPath(op.path() + suffix)));
        return Gen.oneOf(options);
    }

    /** True when the operation's path with this suffix is no path of the contract (even after dot-segment removal). */
    boolean matchesNoTemplate(String path, String suffix) {
        String candidate = path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000") + suffix;
        if (suffix.contains("..") || suffix.toLowerCase(Locale.ROOT).contains("%2e")) {
            return false;
        }
        return templates.stream().noneMatch(template -> template.matcher(candidate).matches());
    }

    /** Matrix parameters after one segment of the path, literal or parameter. */
    private Gen<BadRequest> matrix(Operation op) {
        String[] segments = op.path().substring(1).split("/");
        Gen<String> parameters = Gen.of(";jsessionid=x", ";v=1", ";", ";a=b;c=d", ";=x", ";jsessionid=0A1B2C3D4E5F");
        return Gen.combine(Gen.between(0, segments.length - 1), parameters, (index, parameter) -> {
            String[] changed = segments.clone();
            changed[index] = changed[index] + parameter;
            return baseline.start(op, "matrix", "matrix." + (segments[index].startsWith("{") ? "parameter" : "literal"))
                    .withPath("/" + String.join("/", changed)).expecting(404, ProblemCode.ROUTE_NOT_FOUND.name());
        });
    }
}
