package dev.accords.campaign;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.campaign.JsonText.Obj;
import dev.accords.contract.Contract.Operation;
import dev.accords.problem.ProblemCode;

/**
 * Valid JSON that breaks the body's schema: one member wrong in any way {@link SchemaViolations}
 * knows ("body", sometimes with odd but valid text in the free-text members), and an array or object
 * where the schema has a string, number, integer, enum or boolean ("shape"), which must be refused as
 * VALIDATION_FAILED naming the member, like any other wrong type, rather than as a body that cannot
 * be read.
 */
final class BodyFamilies {

    private final Baseline baseline;
    private final SchemaViolations violations;

    BodyFamilies(Baseline baseline) {
        this.baseline = baseline;
        this.violations = new SchemaViolations(baseline);
    }

    List<Family> families() {
        return List.of(new Family("body", 12, Operation::hasBody, this::body),
                new Family("shape", 4, Operation::hasBody, this::shape));
    }

    private Gen<BadRequest> body(Operation op) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> content : op.bodies().entrySet()) {
            String mediaType = content.getKey();
            JsonNode schema = content.getValue();
            Obj base = baseline.validBody(op, mediaType);
            Gen<Obj> start = Gen.<Obj>frequency(Gen.weight(2, Gen.constant(base)),
                    Gen.weight(1, withOddFiller(base, schema)));
            options.add(start.flatMap(b -> violations.invalidObject(schema, b, 0)).map(mutated ->
                    BadRequest.of(op, "body", "body." + mutated.kind(), Baseline.headers(mediaType),
                            Baseline.utf8(JsonText.write(mutated.value())))));
        }
        return Gen.oneOf(options);
    }

    /** Free-text members of the base body replaced with odd strings that are still within their limits. */
    private static Gen<Obj> withOddFiller(Obj base, JsonNode schema) {
        List<String> freeText = new ArrayList<>();
        for (String name : base.names()) {
            JsonNode property = schema.path("properties").path(name);
            if ("string".equals(property.path("type").asText()) && !property.has("pattern") && !property.has("enum")
                    && !property.has("format") && property.path("maxLength").asInt(Integer.MAX_VALUE) >= 20) {
                freeText.add(name);
            }
        }
        if (freeText.isEmpty()) {
            return Gen.constant(base);
        }
        return OddStrings.shortOdd().filter(s -> s.codePointCount(0, s.length()) <= 20 && !s.isBlank())
                .list(freeText.size(), freeText.size()).map(values -> {
                    Obj copy = base.copy();
                    for (int i = 0; i < freeText.size(); i++) {
                        copy.put(freeText.get(i), values.get(i));
                    }
                    return copy;
                });
    }

    /** A place in a body that holds a scalar: where it is (for the label), its type, its path of steps. */
    private record Scalar(String place, String type, List<String> path) {
    }

    private Gen<BadRequest> shape(Operation op) {
        List<Gen<BadRequest>> options = new ArrayList<>();
        for (Map.Entry<String, JsonNode> content : op.bodies().entrySet()) {
            String mediaType = content.getKey();
            Obj base = baseline.validBody(op, mediaType);
            List<Scalar> scalars = new ArrayList<>();
            collectScalars(content.getValue(), base, "", List.of(), scalars);
            if (scalars.isEmpty()) {
                continue;
            }
            options.add(Gen.combine(Gen.of(scalars), containers(), (scalar, container) -> {
                Obj body = base.copy();
                put(body, scalar.path(), JsonText.deepCopy(container.value()));
                return BadRequest.of(op, "shape", "shape." + scalar.place() + "." + scalar.type() + "." + container.kind(),
                                Baseline.headers(mediaType), Baseline.utf8(JsonText.write(body)))
                        .expecting(400, ProblemCode.VALIDATION_FAILED.name());
            }));
        }
        return Gen.oneOf(options);
    }

    /** Arrays and objects, empty or holding what a confused client might have meant. */
    private static Gen<Labeled<Object>> containers() {
        Obj wrapped = new Obj().put("value", "x");
        return Gen.of(Labeled.of("emptyArray", List.of()), Labeled.of("emptyObject", new Obj()),
                Labeled.of("dateAsArray", List.of(2025, 2, 28)), Labeled.of("arrayOfString", List.of("x")),
                Labeled.of("arrayOfNull", List.of(JsonText.Null.INSTANCE)), Labeled.of("nestedArray", List.of(List.of())),
                Labeled.of("object", wrapped));
    }

    /**
     * The scalar members of a schema, at any depth the base body reaches: top-level members, members
     * of nested objects, and the first item of arrays (of scalars or of objects).
     */
    private static void collectScalars(JsonNode schema, Object value, String place, List<String> path, List<Scalar> out) {
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> {
                if (!(value instanceof Obj obj)) {
                    return;
                }
                Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String memberType = field.getValue().path("type").asText();
                    boolean container = memberType.equals("object") || memberType.equals("array");
                    if (!obj.has(field.getKey()) && (!path.isEmpty() || container)) {
                        continue; // only a top-level scalar is added where the base body has no such member
                    }
                    List<String> deeper = new ArrayList<>(path);
                    deeper.add(field.getKey());
                    String here = place.isEmpty() ? field.getKey() : place + "." + field.getKey();
                    collectScalars(field.getValue(), obj.get(field.getKey()), here, deeper, out);
                }
            }
            case "array" -> {
                if (value instanceof List<?> list && !list.isEmpty()) {
                    List<String> deeper = new ArrayList<>(path);
                    deeper.add("0");
                    collectScalars(schema.path("items"), list.get(0), place + "[]", deeper, out);
                }
            }
            case "string", "integer", "number", "boolean" -> out.add(new Scalar(place,
                    schema.has("enum") ? "enum" : schema.has("format") ? schema.get("format").asText() : type, path));
            default -> {
            }
        }
    }

    /** Sets the member at a path ("parties", "0", "code") of a body; every step but the last exists. */
    @SuppressWarnings("unchecked")
    private static void put(Obj body, List<String> path, Object value) {
        Object parent = body;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = parent instanceof Obj obj ? obj.get(step) : ((List<Object>) parent).get(Integer.parseInt(step));
        }
        String last = path.get(path.size() - 1);
        if (parent instanceof Obj obj) {
            obj.put(last, value);
        } else {
            ((List<Object>) parent).set(Integer.parseInt(last), value);
        }
    }
}
