package dev.accords.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operations of openapi.yaml, read from the file itself so that an operation added to the contract
 * is covered by the campaign without touching it. {@code $ref}s are resolved on the way.
 */
public final class Contract {

    public static final Path FILE = Path.of("openapi.yaml").toAbsolutePath();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final Pattern REFUSES_UNKNOWN_QUERY = Pattern.compile("(?i)query parameters (are|is) refused");

    private final JsonNode root;
    private final List<Operation> operations;

    private Contract(JsonNode root) {
        this.root = root;
        this.operations = readOperations();
    }

    public static Contract load() {
        try {
            return new Contract(new YAMLMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Every method the contract declares on a path template. */
    public Set<String> methodsOf(String pathTemplate) {
        Set<String> methods = new LinkedHashSet<>();
        for (Operation operation : operations) {
            if (operation.path().equals(pathTemplate)) {
                methods.add(operation.method());
            }
        }
        return methods;
    }

    /** A parameter of an operation: path, query or header. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code bodies} maps each declared request media type to its (resolved) schema;
     * {@code examples} to its example. {@code statuses} are the declared response keys, {@code default}
     * included.
     */
    public record Operation(String operationId, String method, String path, List<Parameter> parameters,
                            boolean bodyRequired, Map<String, JsonNode> bodies, Map<String, JsonNode> examples,
                            Set<String> statuses, Set<String> responseMediaTypes, boolean refusesUnknownQuery) {

        public List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        public boolean has(String location, String name) {
            return parameters.stream().anyMatch(p -> p.in().equals(location) && p.name().equalsIgnoreCase(name));
        }

        public boolean hasBody() {
            return !bodies.isEmpty();
        }

        public boolean declares(int status) {
            return statuses.contains(Integer.toString(status));
        }

        @Override
        public String toString() {
            return operationId + " (" + method + " " + path + ")";
        }
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (Parameter parameter : shared) {
                    parameters.put(parameter.in() + ":" + parameter.name(), parameter);
                }
                for (Parameter parameter : parameters(operation.path("parameters"))) {
                    parameters.put(parameter.in() + ":" + parameter.name(), parameter);
                }
                JsonNode requestBody = resolve(operation.path("requestBody"));
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                Map<String, JsonNode> examples = new LinkedHashMap<>();
                requestBody.path("content").fields().forEachRemaining(content -> {
                    bodies.put(content.getKey(), deepResolve(content.getValue().path("schema")));
                    JsonNode example = content.getValue().get("example");
                    if (example != null) {
                        examples.put(content.getKey(), example);
                    }
                });
                Set<String> statuses = new LinkedHashSet<>();
                Set<String> responseMediaTypes = new LinkedHashSet<>();
                operation.path("responses").fields().forEachRemaining(response -> {
                    statuses.add(response.getKey());
                    resolve(response.getValue()).path("content").fieldNames().forEachRemaining(responseMediaTypes::add);
                });
                List<Parameter> all = List.copyOf(parameters.values());
                boolean declaresQuery = all.stream().anyMatch(p -> p.in().equals("query"));
                result.add(new Operation(operation.path("operationId").asText(), method.toUpperCase(Locale.ROOT),
                        path.getKey(), all, requestBody.path("required").asBoolean(false), bodies, examples, statuses,
                        responseMediaTypes,
                        declaresQuery || REFUSES_UNKNOWN_QUERY.matcher(operation.path("description").asText()).find()));
            }
        }
        return List.copyOf(result);
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode node : list) {
            JsonNode parameter = resolve(node);
            parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                    parameter.path("required").asBoolean(false), deepResolve(parameter.path("schema"))));
        }
        return parameters;
    }

    private JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local $refs are supported: " + ref);
            }
            node = root.at(ref.substring(1));
        }
        return node;
    }

    /** The schema with every nested {@code $ref} replaced by its target (the contract has no cycles). */
    private JsonNode deepResolve(JsonNode node) {
        JsonNode resolved = resolve(node);
        if (resolved == null || !resolved.isContainerNode()) {
            return resolved;
        }
        JsonNode copy = resolved.deepCopy();
        if (copy.isObject()) {
            ObjectNode object = (ObjectNode) copy;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!name.equals("example")) {
                    object.set(name, deepResolve(object.get(name)));
                }
            }
        } else {
            for (int i = 0; i < copy.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy).set(i, deepResolve(copy.get(i)));
            }
        }
        return copy;
    }
}
