package dev.accords.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.accords.problem.ProblemCode;
import dev.accords.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * openapi.yaml at the repository root is the contract (API-CONVENTIONS §17): the running service
 * serves exactly that document, and the document and the JAX-RS resources describe the same
 * operations, in both directions. Both sides are read afresh on every run, so resources and paths
 * added by any feature are covered without touching this test.
 */
@QuarkusTest
class ContractTest extends ApiTest {

    private static final Path CONTRACT = Path.of("openapi.yaml");
    /** Where Maven compiles src/main/java; test classes are elsewhere and never count as served. */
    private static final Path MAIN_CLASSES = Path.of("target", "classes");
    private static final String ROOT_PACKAGE = "dev.accords";
    private static final Set<String> OPENAPI_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldServeTheContractAsYamlUnchanged() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/yaml"))
                .extract().asString();
        assertThat(differences(contract(), YAML.readTree(served), "")).as("/q/openapi differs from openapi.yaml").isEmpty();
    }

    @Test
    void shouldServeTheContractAsJsonUnchanged() throws IOException {
        String served = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/json"))
                .extract().asString();
        assertThat(differences(contract(), JSON.readTree(served), "")).as("/q/openapi?format=json differs from openapi.yaml")
                .isEmpty();
    }

    /**
     * A client generated from the contract takes its base URL from the caller: the one server is a
     * template whose variables all have defaults, and the defaults name local development.
     */
    @Test
    void shouldNameTheServerAsATemplateWithLocalDevelopmentAsItsDefault() throws IOException {
        JsonNode servers = contract().path("servers");
        assertThat(servers).hasSize(1);
        String url = servers.get(0).path("url").asText();
        JsonNode variables = servers.get(0).path("variables");
        assertThat(url).isEqualTo("{scheme}://{host}");
        for (String name : List.of("scheme", "host")) {
            assertThat(variables.path(name).path("default").asText()).as("default of {%s}", name).isNotBlank();
            url = url.replace("{" + name + "}", variables.path(name).path("default").asText());
        }
        assertThat(url).isEqualTo("http://localhost:8080");
        assertThat(variables.path("scheme").path("enum")).extracting(JsonNode::asText).containsExactly("http", "https");
    }

    @Test
    void shouldDocumentEveryResourceMethod() throws IOException {
        Set<String> undocumented = new TreeSet<>(servedOperations());
        undocumented.removeAll(documentedOperations());
        assertThat(undocumented).as("served by a JAX-RS resource but missing from openapi.yaml").isEmpty();
    }

    @Test
    void shouldServeEveryDocumentedOperation() throws IOException {
        Set<String> unserved = new TreeSet<>(documentedOperations());
        unserved.removeAll(servedOperations());
        assertThat(unserved).as("in openapi.yaml but served by no JAX-RS resource method").isEmpty();
    }

    @Test
    void shouldFindTheAgreementOperationsOnBothSides() throws IOException {
        // Guards the two scans above against passing because both came back empty.
        List<String> agreements = List.of("GET /v1/agreements", "POST /v1/agreements", "GET /v1/agreements/{agreementId}",
                "PATCH /v1/agreements/{agreementId}", "DELETE /v1/agreements/{agreementId}");
        assertThat(servedOperations()).containsAll(agreements);
        assertThat(documentedOperations()).containsAll(agreements);
    }

    @Test
    void shouldDocumentExactlyTheProblemCodesTheServiceUses() throws IOException {
        List<String> documented = new ArrayList<>();
        contract().at("/components/schemas/ProblemCode/enum").forEach(code -> documented.add(code.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProblemCode.values()).map(Enum::name).toList());
    }

    // --- Both sides of the contract ---------------------------------------------------------------

    private static JsonNode contract() throws IOException {
        return YAML.readTree(CONTRACT.toFile());
    }

    /** "METHOD /path" for every operation of openapi.yaml. */
    private static Set<String> documentedOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (Iterator<String> paths = contract().path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            contract().path("paths").path(path).fieldNames().forEachRemaining(method -> {
                if (OPENAPI_METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            });
        }
        return operations;
    }

    /** "METHOD /path" for every resource method of every class under dev.accords annotated {@code @Path}. */
    private Set<String> servedOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (Class<?> type : mainClasses()) {
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root != null && !type.isInterface()) {
                collect(type, join("", root.value()), operations, 0);
            }
        }
        return operations;
    }

    private static void collect(Class<?> resource, String prefix, Set<String> operations, int depth) {
        assertThat(depth).as("sub-resource locators nested too deep under %s", prefix).isLessThan(5);
        for (Method method : resource.getMethods()) {
            jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
            String path = sub == null ? prefix : join(prefix, sub.value());
            List<String> verbs = Arrays.stream(method.getAnnotations())
                    .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
                    .filter(java.util.Objects::nonNull).map(HttpMethod::value).toList();
            if (!verbs.isEmpty()) {
                verbs.forEach(verb -> operations.add(verb + " " + path));
            } else if (sub != null) {
                collect(method.getReturnType(), path, operations, depth + 1); // a sub-resource locator
            }
        }
    }

    /** Joins JAX-RS path segments the way they are served: one slash between, none at the end, no regexes. */
    private static String join(String prefix, String path) {
        String joined = (prefix + "/" + path).replaceAll("/+", "/");
        joined = joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    private List<Class<?>> mainClasses() throws IOException {
        Path base = MAIN_CLASSES.resolve(ROOT_PACKAGE.replace('.', '/'));
        assertThat(base).as("compiled main classes").isDirectory();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = MAIN_CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, loader));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return classes;
    }

    // --- Tree comparison --------------------------------------------------------------------------

    /** Every place where two JSON trees differ, as "path: expected vs actual"; empty when they are equal. */
    static List<String> differences(JsonNode expected, JsonNode actual, String at) {
        List<String> found = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String here = at + "/" + name;
                if (!expected.has(name)) {
                    found.add(here + ": not in openapi.yaml, served " + abbreviate(actual.get(name)));
                } else if (!actual.has(name)) {
                    found.add(here + ": in openapi.yaml, not served");
                } else {
                    found.addAll(differences(expected.get(name), actual.get(name), here));
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                found.add(at + ": " + expected.size() + " items in openapi.yaml, " + actual.size() + " served");
            }
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                found.addAll(differences(expected.get(i), actual.get(i), at + "/" + i));
            }
        } else if (!expected.equals(actual)) {
            found.add(at + ": " + abbreviate(expected) + " in openapi.yaml, served " + abbreviate(actual));
        }
        return found;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
