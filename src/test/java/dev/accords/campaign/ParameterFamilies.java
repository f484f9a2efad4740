package dev.accords.campaign;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.contract.Contract.Operation;
import dev.accords.contract.Contract.Parameter;

/**
 * Invalid path and query parameters: ids that are not UUIDs, codes that miss their pattern, integers
 * that are not plain decimals or out of range, booleans that are not {@code true}/{@code false},
 * unknown enum values, garbage cursors, values over their length, and unknown query parameters where
 * the operation refuses them.
 */
final class ParameterFamilies {

    private final Baseline baseline;

    ParameterFamilies(Baseline baseline) {
        this.baseline = baseline;
    }

    List<Family> families() {
        return List.of(
                new Family("path", 6, op -> op.in("path").stream().anyMatch(ParameterFamilies::isChecked), this::path),
                new Family("query", 8, op -> !op.in("query").isEmpty() || op.refusesUnknownQuery(), this::query));
    }

    private static boolean isChecked(Parameter parameter) {
        return parameter.schema().has("format") || parameter.schema().has("pattern");
    }

    private Gen<BadRequest> path(Operation op) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        for (Parameter parameter : op.in("path")) {
            Gen<Labeled<String>> values;
            if ("uuid".equals(parameter.schema().path("format").asText())) {
                values = InvalidStrings.badUuids();
            } else if (parameter.schema().has("pattern")) {
                values = InvalidStrings.violating(parameter.schema().get("pattern").asText(), 40);
            } else {
                continue;
            }
            options.add(values.filter(v -> safePathValue(v.value())).map(v ->
                    baseline.start(op, "path", "path." + parameter.name() + "." + v.kind())
                            .withPathValue(parameter.name(), Urls.encode(v.value()))));
        }
        return Gen.oneOf(options);
    }

    /**
     * A path value must stay one segment of the same route: no '/', '\', ';' (matrix parameters), no
     * empty value and no dot segments. The result is percent-encoded, so anything else is fine.
     */
    static boolean safePathValue(String value) {
        return !value.isEmpty() && !value.equals(".") && !value.equals("..") && value.chars()
                .noneMatch(c -> c == '/' || c == '\\' || c == ';');
    }

    private Gen<BadRequest> query(Operation op) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        for (Parameter parameter : op.in("query")) {
            Gen<Labeled<String>> values = invalidQueryValues(parameter, baseline.enumValues());
            if (values != null) {
                options.add(values.map(v -> baseline.start(op, "query", "query." + parameter.name() + "." + v.kind())
                        .withQuery(Urls.encode(parameter.name()) + "=" + Urls.encode(v.value()))));
            }
        }
        if (op.refusesUnknownQuery()) {
            Set<String> declared = new TreeSet<>();
            op.in("query").forEach(p -> declared.add(p.name()));
            Gen<String> names = Gen.<String>oneOf(
                    Gen.of("foo", "LIMIT", "Limit", "limit ", "cursor[]", "sort", "page", "offset", "size",
                            "q", "status", "party", "tag", "topic", "priority", "open", "minDaysOpen", "debug",
                            "_method", "fields", "expand", "__proto__", "a.b", "x-y"),
                    Gen.strings("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 1, 20),
                    OddStrings.shortOdd()).filter(n -> !n.isEmpty() && !declared.contains(n));
            Gen<String> values = OddStrings.any().filter(v -> v.length() < 300);
            options.add(Gen.combine(names, values, (name, value) -> baseline.start(op, "query", "query.unknown")
                    .withQuery(Urls.encode(name) + "=" + Urls.encode(value))));
        }
        return Gen.oneOf(options);
    }

    /** Values a query parameter refuses, or null when its schema refuses nothing we can name. */
    static Gen<Labeled<String>> invalidQueryValues(Parameter parameter, Set<String> allEnumValues) {
        JsonNode schema = parameter.schema();
        if (parameter.name().equals("cursor")) {
            return Cursors.garbage(schema.path("maxLength").asInt(512));
        }
        List<Gen<Labeled<String>>> options = new ArrayList<>();
        switch (schema.path("type").asText()) {
            case "integer" -> {
                List<String> values = new ArrayList<>(List.of("abc", "1.5", "", "0x10", "½", "١٢", "1,000", "1_000",
                        "2147483648", "-2147483649", "99999999999999999999", "NaN", "Infinity", "true", "null", "5 5",
                        "1e3x", "--1"));
                if (schema.has("minimum")) {
                    long min = schema.get("minimum").asLong();
                    values.addAll(List.of(Long.toString(min - 1), Long.toString(min - 1000), "-2147483648"));
                }
                if (schema.has("maximum")) {
                    long max = schema.get("maximum").asLong();
                    values.addAll(List.of(Long.toString(max + 1), Long.toString(max * 10)));
                }
                options.add(Gen.of(values).map(v -> Labeled.of("notAnInteger", v))
                        .filter(v -> !inRangeInteger(v.value(), schema)));
                options.add(OddStrings.shortOdd().filter(v -> !v.matches("-?[0-9]+")).map(v -> Labeled.of("oddUnicode", v)));
            }
            case "boolean" -> options.add(Gen.of("yes", "no", "1", "0", "on", "off", "", "null", "truee", "t",
                    "f", "True ", " false").map(v -> Labeled.of("notABoolean", v)));
            case "string" -> {
                if (schema.has("enum")) {
                    options.add(InvalidStrings.unknownEnumValues(schema, allEnumValues));
                }
                if (schema.has("pattern")) {
                    options.add(InvalidStrings.violating(schema.get("pattern").asText(), 300));
                }
                if (schema.has("maxLength")) {
                    int max = schema.get("maxLength").asInt();
                    options.add(Gen.between(max + 1, max + 60).flatMap(OddStrings::atLeast)
                            .map(v -> Labeled.of("tooLong", v)));
                }
                if (schema.path("minLength").asInt(0) > 0) {
                    options.add(Gen.constant(Labeled.of("empty", "")));
                }
            }
            default -> {
            }
        }
        return options.isEmpty() ? null : Gen.oneOf(options);
    }

    private static boolean inRangeInteger(String value, JsonNode schema) {
        if (!value.matches("-?[0-9]+")) {
            return false;
        }
        BigInteger number = new BigInteger(value);
        boolean int32 = !"int32".equals(schema.path("format").asText()) || number.bitLength() < 32;
        boolean min = !schema.has("minimum") || number.compareTo(BigInteger.valueOf(schema.get("minimum").asLong())) >= 0;
        boolean max = !schema.has("maximum") || number.compareTo(BigInteger.valueOf(schema.get("maximum").asLong())) <= 0;
        return int32 && min && max;
    }
}
