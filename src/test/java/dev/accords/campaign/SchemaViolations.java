package dev.accords.campaign;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.campaign.JsonText.Null;
import dev.accords.campaign.JsonText.Obj;

/**
 * JSON values that break a (resolved) schema in one place: a member of the wrong type or null, a
 * string over its length, off its pattern, enum or date format, an integer out of range, an array
 * with too few or too many items or a bad item, a required member missing, an unknown member. Each
 * value comes with its place and defect, e.g. {@code parties[].code.pattern}.
 */
final class SchemaViolations {

    private final Baseline baseline;

    SchemaViolations(Baseline baseline) {
        this.baseline = baseline;
    }

    /** An object made invalid against its schema in one place: a member, a missing one or an extra one. */
    Gen<Labeled<Object>> invalidObject(JsonNode schema, Obj base, int depth) {
        List<Gen<Labeled<Object>>> options = new ArrayList<>();
        JsonNode properties = schema.path("properties");
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            Object current = base.has(name) ? base.get(name) : Baseline.synthesize(field.getValue());
            // JSON null for an optional member of a create body is read as "absent" (noted in the report);
            // in a merge patch, or for a required member, it is a real value and must be refused.
            boolean nullIsInvalid = !schema.has("required") || required.contains(name);
            options.add(invalidValue(field.getValue(), current, depth, nullIsInvalid).map(v -> {
                Obj copy = base.copy();
                copy.put(name, v.value());
                return Labeled.of(name + v.kind(), copy);
            }));
        }
        for (String name : required) {
            options.add(Gen.constant(Labeled.of(name + ".missing", base.copy().remove(name))));
        }
        if (required.size() > 1) {
            options.add(Gen.constant(Labeled.of("allRequired.missing", new Obj())));
        }
        Set<String> own = new TreeSet<>();
        properties.fieldNames().forEachRemaining(own::add);
        Gen<String> extraNames = Gen.<String>oneOf(
                        Gen.of(new ArrayList<>(baseline.propertyNames())),
                        Gen.of("", " ", "id", "version", "createdAt", "__proto__", "constructor", "$where",
                                "title ", "Title", "TITLE", "parties[0]", "status\u0000", "extra", "null", "ⓣⓘⓣⓛⓔ"),
                        own.isEmpty() ? Gen.constant("x") : Gen.of(new ArrayList<>(own)).map(n -> n.toUpperCase(Locale.ROOT)),
                        OddStrings.shortOdd())
                .filter(n -> !own.contains(n));
        Gen<Object> extraValues = Gen.oneOf(Gen.constant("x"), Gen.constant(1), Gen.constant(Null.INSTANCE),
                Gen.constant(new Obj()), Gen.constant(List.of()), OddStrings.any());
        options.add(Gen.combine(extraNames, extraValues, (name, value) -> {
            Obj copy = base.copy();
            copy.add(name, JsonText.deepCopy(value));
            return Labeled.of("unknownField", copy);
        }));
        return Gen.oneOf(options);
    }

    /** A value that breaks a schema, labelled with what is wrong, such as {@code .maxLength}. */
    Gen<Labeled<Object>> invalidValue(JsonNode schema, Object current, int depth, boolean nullIsInvalid) {
        String type = schema.path("type").asText();
        boolean nullable = schema.path("nullable").asBoolean(false) || !nullIsInvalid;
        List<Gen<Labeled<Object>>> options = new ArrayList<>();
        List<Object> wrongTypes = new ArrayList<>(switch (type) {
            case "string" -> List.of(123, new BigInteger("-1"), 1.5, true, false, new Obj(), List.of(), List.of("x"));
            case "integer" -> List.of("1", "one", "", true, 1.5, 0.5, -2.75, new Obj(), List.of(), List.of(1));
            case "number" -> List.of("1", true, new Obj(), List.of());
            case "boolean" -> List.of("true", 1, 0, new Obj(), List.of());
            case "array" -> List.of(new Obj(), "x", "", 1, true);
            case "object" -> List.of(List.of(), "x", 1, true);
            default -> List.of();
        });
        if (!nullable) {
            wrongTypes.add(Null.INSTANCE);
        }
        if (!wrongTypes.isEmpty()) {
            options.add(Gen.of(wrongTypes).map(v -> Labeled.of(v == Null.INSTANCE ? ".null" : ".wrongType",
                    JsonText.deepCopy(v))));
        }
        switch (type) {
            case "string" -> stringViolations(schema, options);
            case "integer" -> integerViolations(schema, options);
            case "array" -> arrayViolations(schema, current, depth, options);
            case "object" -> {
                if (depth < 2) {
                    Obj base = current instanceof Obj obj ? obj : (Obj) Baseline.synthesize(schema);
                    options.add(invalidObject(schema, base, depth + 1).map(v -> Labeled.of("." + v.kind(), v.value())));
                }
            }
            default -> {
            }
        }
        return Gen.oneOf(options);
    }

    private void stringViolations(JsonNode schema, List<Gen<Labeled<Object>>> options) {
        if (schema.has("maxLength")) {
            options.add(OddStrings.longerThan(schema.get("maxLength").asInt()).map(v -> Labeled.of(".maxLength", v)));
        }
        if (schema.path("minLength").asInt(0) > 0) {
            options.add(Gen.constant(Labeled.of(".minLength", "")));
        }
        if (schema.has("pattern")) {
            options.add(InvalidStrings.violating(schema.get("pattern").asText(), 60)
                    .map(v -> Labeled.of(".pattern", v.value())));
        }
        if (schema.has("enum")) {
            options.add(InvalidStrings.unknownEnumValues(schema, baseline.enumValues())
                    .map(v -> Labeled.of(".enum", v.value())));
        }
        if (schema.path("format").asText().equals("date")) {
            options.add(InvalidStrings.badDates().map(v -> Labeled.of(".format", v)));
        }
    }

    private static void integerViolations(JsonNode schema, List<Gen<Labeled<Object>>> options) {
        List<Object> values = new ArrayList<>();
        if (schema.has("minimum")) {
            long min = schema.get("minimum").asLong();
            values.addAll(List.of(BigInteger.valueOf(min - 1), BigInteger.valueOf(min - 100),
                    BigInteger.valueOf(Integer.MIN_VALUE)));
        }
        if (schema.has("maximum")) {
            long max = schema.get("maximum").asLong();
            values.addAll(List.of(BigInteger.valueOf(max + 1), BigInteger.valueOf(max).multiply(BigInteger.TEN)));
        }
        if ("int32".equals(schema.path("format").asText())) {
            values.addAll(List.of(new BigInteger("2147483648"), new BigInteger("-2147483649"),
                    new BigInteger("99999999999999999999999")));
        }
        if (!values.isEmpty()) {
            options.add(Gen.of(values).map(v -> Labeled.of(".range", v)));
        }
    }

    private void arrayViolations(JsonNode schema, Object current, int depth, List<Gen<Labeled<Object>>> options) {
        JsonNode items = schema.path("items");
        List<Object> base = new ArrayList<>();
        if (current instanceof List<?> list && !list.isEmpty()) {
            base.addAll(list);
        } else {
            for (int i = 0; i < Math.max(1, schema.path("minItems").asInt(0)); i++) {
                base.add(Baseline.synthesize(items));
            }
        }
        int minItems = schema.path("minItems").asInt(0);
        if (minItems > 0) {
            options.add(Gen.between(0, minItems - 1).map(n ->
                    Labeled.of(".minItems", copyOf(base.subList(0, Math.min(n, base.size()))))));
        }
        if (schema.has("maxItems")) {
            int maxItems = schema.get("maxItems").asInt();
            options.add(Gen.between(maxItems + 1, maxItems + 30).map(n -> {
                List<Object> many = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    many.add(JsonText.deepCopy(base.get(i % base.size())));
                }
                return Labeled.of(".maxItems", many);
            }));
        }
        if (depth < 2 && !items.isMissingNode()) {
            Gen<Labeled<Object>> badItems = random -> invalidValue(items, base.get(0), depth + 1, true).next(random);
            options.add(Gen.combine(Gen.between(0, base.size() - 1), badItems, (index, bad) -> {
                List<Object> copy = copyOf(base);
                copy.set(index, bad.value());
                return Labeled.of("[]" + bad.kind(), copy);
            }));
        }
    }

    private static List<Object> copyOf(List<Object> values) {
        List<Object> copy = new ArrayList<>();
        values.forEach(e -> copy.add(JsonText.deepCopy(e)));
        return copy;
    }
}
