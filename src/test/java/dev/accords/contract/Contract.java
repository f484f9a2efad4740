package dev.accords.contract;

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
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * openapi.yaml (or a released version of it), read for tests: about the document itself (problem
 * codes, breaking changes, bounds, SDK names) and for the bad-input campaign, which derives its
 * malformed requests from the operations, so that an operation added to the contract is covered
 * without touching any test. Operations come with their {@code $ref}s resolved.
 */
public final class Contract {

    /** The contract: the source of truth, at the repository root. */
    public static final Path PATH = Path.of("openapi.yaml");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern REFUSES_UNKNOWN_QUERY = Pattern.compile("(?i)query parameters (are|is) refused");

    private final Path file;
    private final JsonNode root;
    private final List<Operation> operations;

    private Contract(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
        this.operations = readOperations();
    }

    /** openapi.yaml. */
    public static Contract load() {
        return load(PATH);
    }

    public static Contract load(Path file) {
        try {
            return new Contract(file, YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the document was read from, absolute (validators take it as a location). */
    public String location() {
        return file.toAbsolutePath().toString();
    }

    public JsonNode root() {
        return root;
    }

    /** The document as plain maps and lists, for walks over every node. */
    public Map<String, Object> tree() {
        return YAML.convertValue(root, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    public String version() {
        return root.path("info").path("version").asText();
    }

    /** The names of the document's tags, in order. */
    public List<String> tags() {
        List<String> tags = new ArrayList<>();
        root.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        return tags;
    }

    public JsonNode schema(String name) {
        return root.path("components").path("schemas").path(name);
    }

    public Set<String> schemaNames() {
        Set<String> names = new LinkedHashSet<>();
        root.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Named schemas that are plain strings or numbers without an enum: SDKs inline them. */
    public Set<String> primitiveSchemaNames() {
        Set<String> names = new TreeSet<>();
        root.path("components").path("schemas").fields().forEachRemaining(schema -> {
            String type = schema.getValue().path("type").asText(null);
            if (type != null && !type.equals("object") && !type.equals("array") && !schema.getValue().has("enum")) {
                names.add(schema.getKey());
            }
        });
        return names;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** Every method (upper case) the contract declares on a path template. */
    public Set<String> methodsOf(String pathTemplate) {
        Set<String> methods = new LinkedHashSet<>();
        for (Operation operation : operations) {
            if (operation.path().equals(pathTemplate)) {
                methods.add(operation.method());
            }
        }
        return methods;
    }

    /** A parameter of an operation: path, query or header, with its resolved schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code bodies} maps each declared request media type to its resolved schema;
     * {@code examples} to its example. {@code statuses} are the declared response keys, {@code default}
     * included. {@code definition} is the operation object as written (with its {@code $ref}s).
     */
    public record Operation(String operationId, String method, String path, List<String> tags,
                            List<Parameter> parameters, boolean bodyRequired, Map<String, JsonNode> bodies,
                            Map<String, JsonNode> examples, Set<String> statuses, Set<String> responseMediaTypes,
                            boolean refusesUnknownQuery, JsonNode definition) {

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
                if (operation != null) {
                    result.add(operation(path.getKey(), method, operation, shared));
                }
            }
        }
        return List.copyOf(result);
    }

    private Operation operation(String path, String method, JsonNode operation, List<Parameter> shared) {
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
        List<String> tags = new ArrayList<>();
        operation.path("tags").forEach(tag -> tags.add(tag.asText()));
        List<Parameter> all = List.copyOf(parameters.values());
        boolean declaresQuery = all.stream().anyMatch(p -> p.in().equals("query"));
        return new Operation(operation.path("operationId").asText(), method.toUpperCase(Locale.ROOT), path,
                List.copyOf(tags), all, requestBody.path("required").asBoolean(false), bodies, examples, statuses,
                responseMediaTypes,
                declaresQuery || REFUSES_UNKNOWN_QUERY.matcher(operation.path("description").asText()).find(),
                operation);
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
                ((ArrayNode) copy).set(i, deepResolve(copy.get(i)));
            }
        }
        return copy;
    }
}
