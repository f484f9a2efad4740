package dev.accords.campaign;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.accords.campaign.JsonText.Obj;
import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;

/**
 * The valid request every malformed one starts from, and what the generators need to know about the
 * contract beyond one operation (every property name, every enum value). A malformation changes one
 * thing of a {@link #start} request, so that the request is refused for that one reason.
 */
final class Baseline {

    static final String ACCEPT = "application/json, application/problem+json";
    static final String EVENT_STREAM = "text/event-stream";

    private final Contract contract;
    private final Set<String> propertyNames = new TreeSet<>();
    private final Set<String> enumValues = new TreeSet<>();

    Baseline(Contract contract) {
        this.contract = contract;
        contract.root().path("components").path("schemas").forEach(schema ->
                schema.path("properties").fieldNames().forEachRemaining(propertyNames::add));
        collectEnums(contract.root());
    }

    private void collectEnums(JsonNode node) {
        if (node.isObject() && node.has("enum")) {
            node.get("enum").forEach(value -> enumValues.add(value.asText()));
        }
        node.forEach(this::collectEnums);
    }

    Contract contract() {
        return contract;
    }

    /** Every property name of every schema: one schema's name is an unknown field of another. */
    Set<String> propertyNames() {
        return propertyNames;
    }

    /** Every enum value anywhere in the contract: a value of one enum is an unknown value of another. */
    Set<String> enumValues() {
        return enumValues;
    }

    /** A request with the valid headers and body of the operation, to break in one place. */
    BadRequest start(Operation op, String family, String defect) {
        BadRequest request = BadRequest.of(op, family, defect, headers(op), body(op));
        String query = requiredQuery(op);
        return query.isEmpty() ? request : request.withQuery(query);
    }

    /**
     * The required query parameters (the two sides of a comparison), each set to revision 1, which
     * every clause has: the valid request a family breaks in one place.
     */
    static String requiredQuery(Operation op) {
        return op.in("query").stream().filter(Contract.Parameter::required).map(p -> p.name() + "=1")
                .collect(java.util.stream.Collectors.joining("&"));
    }

    /** Accept, for operations with a body the JSON content type, and the headers an operation requires. */
    static List<Map.Entry<String, String>> headers(Operation op) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        // An event stream is what a stream operation answers; problems come as JSON either way.
        headers.add(Map.entry("Accept", op.responseMediaTypes().contains(EVENT_STREAM)
                ? EVENT_STREAM + ", application/problem+json" : ACCEPT));
        if (op.hasBody()) {
            headers.add(Map.entry("Content-Type", jsonType(op)));
        }
        // A required If-Match (accepting a proposal): a well-formed ETag, stale or not, so the request
        // is valid by the contract and any refusal comes from the one defect the family puts in.
        if (op.in("header").stream().anyMatch(p -> p.required() && p.name().equalsIgnoreCase("If-Match"))) {
            headers.add(Map.entry("If-Match", "\"0\""));
        }
        return headers;
    }

    /** Accept and the given content type, for a body of that type. */
    static List<Map.Entry<String, String>> headers(String contentType) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Accept", ACCEPT));
        headers.add(Map.entry("Content-Type", contentType));
        return headers;
    }

    byte[] body(Operation op) {
        return op.hasBody() ? utf8(JsonText.write(validBody(op, jsonType(op)))) : null;
    }

    /** The media type a well-behaved client uses: application/json when the operation takes it. */
    static String jsonType(Operation op) {
        return op.bodies().containsKey("application/json") ? "application/json" : op.bodies().keySet().iterator().next();
    }

    /** A valid body: the contract's example for that media type (the contract requires valid examples). */
    Obj validBody(Operation op, String mediaType) {
        JsonNode example = op.examples().get(mediaType);
        if (example == null && !op.examples().isEmpty()) {
            example = op.examples().values().iterator().next();
        }
        if (example != null) {
            return (Obj) JsonText.fromNode(example);
        }
        return (Obj) synthesize(op.bodies().get(mediaType));
    }

    /** A valid value of a schema: its example, first enum value or default, else a plain value. */
    static Object synthesize(JsonNode schema) {
        if (schema == null || schema.isMissingNode()) {
            return "x";
        }
        if (schema.has("example")) {
            return JsonText.fromNode(schema.get("example"));
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.has("default")) {
            return JsonText.fromNode(schema.get("default"));
        }
        switch (schema.path("type").asText()) {
            case "integer", "number" -> {
                return BigInteger.valueOf(Math.max(1, schema.path("minimum").asLong(1)));
            }
            case "boolean" -> {
                return true;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < schema.path("minItems").asInt(0); i++) {
                    list.add(synthesize(schema.path("items")));
                }
                return list;
            }
            case "object" -> {
                Obj obj = new Obj();
                for (JsonNode required : schema.path("required")) {
                    obj.put(required.asText(), synthesize(schema.path("properties").path(required.asText())));
                }
                return obj;
            }
            default -> {
                return "date".equals(schema.path("format").asText()) ? "2025-02-28" : "x";
            }
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A header value as it arrives: a lone surrogate has no UTF-8 form and goes out as '?'. */
    static String asSent(String value) {
        return new String(utf8(value), StandardCharsets.UTF_8);
    }

    /** How a header value goes on the wire: UTF-8 bytes, which the server reads as ISO-8859-1. */
    static String latin1(String value) {
        return new String(utf8(value), StandardCharsets.ISO_8859_1);
    }
}
