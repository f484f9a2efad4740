package dev.accords.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;

/**
 * openapi.yaml is the contract (docs/API-CONVENTIONS.md §19): it and the JAX-RS resources describe
 * the same operations, in both directions. Both sides are read afresh on every run (openapi.yaml,
 * and the compiled classes under dev.accords), so resources and paths added by any feature are
 * covered without touching this test.
 */
class ResourcesContractTest {

    /** Where Maven compiles src/main/java; test classes are elsewhere and never count as served. */
    private static final Path MAIN_CLASSES = Path.of("target", "classes");
    private static final String ROOT_PACKAGE = "dev.accords";

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

    /** "METHOD /path" for every operation of openapi.yaml. */
    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        Contract.load().operations().forEach(operation -> operations.add(operation.method() + " " + operation.path()));
        return operations;
    }

    /** "METHOD /path" for every resource method of every class under dev.accords annotated {@code @Path}. */
    private static Set<String> servedOperations() throws IOException {
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
                    .filter(Objects::nonNull).map(HttpMethod::value).toList();
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

    private static List<Class<?>> mainClasses() throws IOException {
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
}
