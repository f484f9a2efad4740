package dev.accords.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Reads openapi.yaml (or a released version of it) as plain maps, for tests about the document itself. */
public final class Contract {

    /** The contract: the source of truth, at the repository root. */
    public static final Path PATH = Path.of("openapi.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private Contract() {
    }

    public static Map<String, Object> read() {
        return read(PATH);
    }

    public static Map<String, Object> read(Path path) {
        try {
            return YAML.readValue(path.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation: its method, path and the operation object. */
    public record Operation(String method, String path, Map<String, Object> definition) {

        public String id() {
            return (String) definition.get("operationId");
        }

        @SuppressWarnings("unchecked")
        public List<String> tags() {
            return (List<String>) definition.getOrDefault("tags", List.of());
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> responses() {
            return (Map<String, Object>) definition.getOrDefault("responses", Map.of());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + id() + ")";
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> operations(Map<String, Object> contract) {
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) contract.getOrDefault("paths", Map.of());
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((key, value) -> {
            if (METHODS.contains(key)) {
                operations.add(new Operation(key, path, (Map<String, Object>) value));
            }
        }));
        return operations;
    }

    @SuppressWarnings("unchecked")
    public static List<String> tags(Map<String, Object> contract) {
        return ((List<Map<String, Object>>) contract.getOrDefault("tags", List.of())).stream()
                .map(tag -> (String) tag.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> schemas(Map<String, Object> contract) {
        Map<String, Object> components = (Map<String, Object>) contract.getOrDefault("components", Map.of());
        return (Map<String, Map<String, Object>>) components.getOrDefault("schemas", Map.of());
    }

    public static Set<String> schemaNames(Map<String, Object> contract) {
        return schemas(contract).keySet();
    }

    /** Named schemas that are plain strings or numbers without an enum: SDKs inline them. */
    public static Set<String> primitiveSchemaNames(Map<String, Object> contract) {
        Set<String> names = new java.util.TreeSet<>();
        schemas(contract).forEach((name, schema) -> {
            Object type = schema.get("type");
            if (!"object".equals(type) && !"array".equals(type) && type != null && !schema.containsKey("enum")) {
                names.add(name);
            }
        });
        return names;
    }

    @SuppressWarnings("unchecked")
    public static String version(Map<String, Object> contract) {
        return (String) ((Map<String, Object>) contract.get("info")).get("version");
    }
}
