package dev.accords.campaign;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.contract.Contract.Operation;
import dev.accords.contract.Contract.Parameter;
import dev.accords.problem.ProblemCode;

/**
 * Percent-encoding gone wrong in the request target: well-formed escapes of bytes that are not UTF-8
 * ("url"), broken escapes such as {@code %}, {@code %G1} or {@code %E0%A4%A} ("badEscape", which must
 * be a 400 VALIDATION_FAILED problem naming the path or query, not the HTTP layer's bare 400), and
 * path values that hold characters a URI must carry percent-encoded, such as NUL, space, {@code %},
 * {@code ?} or {@code #} ("escapedPath"), whose problem's {@code instance} must keep them encoded.
 */
final class EscapeFamilies {

    /** Escapes of bytes that are not UTF-8: truncated, overlong, surrogate, past U+10FFFF, stray continuation. */
    static final List<String> NOT_UTF8 = List.of("%E2%82", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%C3%28", "%80",
            "%E2%82%28", "%F0%9F%98", "%FE%FF");
    /** Not RFC 3986 pct-encoded ("%" HEXDIG HEXDIG). */
    static final List<String> BROKEN = List.of("%", "%G1", "%E0%A4%A", "%%", "%1", "%zz", "abc%", "%u0041", "%-1",
            "%E0%A4%", "%%41", "100%", "%C3%A9%", "%0", "%g");
    /** Characters a path segment cannot hold unencoded (or that would end it), sent percent-encoded. */
    private static final List<String> MUST_ENCODE = List.of("\u0000", "\t", "\n", "\r", "\u001B", "\u007F", " ", "\"",
            "<", ">", "^", "`", "{", "|", "}", "%", "?", "#", "[", "]", "é", "\u202E", "\u00A0", "\uFEFF");

    private final Baseline baseline;

    EscapeFamilies(Baseline baseline) {
        this.baseline = baseline;
    }

    List<Family> families() {
        return List.of(
                new Family("url", 2, op -> !op.in("path").isEmpty() || op.refusesUnknownQuery(),
                        op -> inTarget(op, "url", Gen.of(NOT_UTF8))),
                new Family("badEscape", 2, op -> !op.in("path").isEmpty() || op.refusesUnknownQuery(),
                        op -> inTarget(op, "badEscape", Gen.of(BROKEN))
                                .map(r -> r.expecting(400, ProblemCode.VALIDATION_FAILED.name()))),
                new Family("escapedPath", 3, op -> !op.in("path").isEmpty(), this::escapedPath));
    }

    /** A value put as it is into a path parameter, or into a query parameter's name or value. */
    private Gen<BadRequest> inTarget(Operation op, String family, Gen<String> values) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        for (Parameter parameter : op.in("path")) {
            options.add(values.map(value -> baseline.start(op, family, family + ".path." + parameter.name())
                    .withPathValue(parameter.name(), value)));
        }
        if (op.refusesUnknownQuery()) {
            // Not into free text (q): decoded with U+FFFD for the bad bytes, it is a valid value again.
            List<String> names = new ArrayList<>();
            op.in("query").stream().filter(p -> !isFreeText(p.schema())).forEach(p -> names.add(p.name()));
            names.add("x");
            Gen<String> queries = Gen.combine(Gen.of(names), values, (name, value) -> name + "=" + value);
            Gen<String> inNames = values.map(value -> value + "=1");
            options.add(Gen.oneOf(queries, inNames).map(query -> baseline.start(op, family, family + ".query")
                    .withQuery(query)));
        }
        return Gen.oneOf(options);
    }

    private static boolean isFreeText(JsonNode schema) {
        return "string".equals(schema.path("type").asText()) && !schema.has("enum") && !schema.has("pattern")
                && !schema.has("format");
    }

    /** An id or a word with characters that must be encoded before, inside or after it. */
    private Gen<BadRequest> escapedPath(Operation op) {
        Gen<String> words = Gen.of("", "", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "x", "UA", "agreements");
        Gen<String> specials = Gen.of(MUST_ENCODE).list(1, 3).map(list -> String.join("", list));
        Gen<String> values = random -> {
            String word = words.next(random);
            String special = specials.next(random);
            int at = random.nextInt(word.length() + 1);
            return word.substring(0, at) + special + word.substring(at);
        };
        return Gen.combine(Gen.of(op.in("path")), values.filter(ParameterFamilies::safePathValue), (parameter, value) ->
                baseline.start(op, "escapedPath", "escapedPath." + parameter.name())
                        .withPathValue(parameter.name(), Urls.encode(value)));
    }
}
