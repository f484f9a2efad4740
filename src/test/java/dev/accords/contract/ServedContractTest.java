package dev.accords.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/API-CONVENTIONS.md §19: the running service serves openapi.yaml itself at /q/openapi, as YAML
 * and as JSON, not a drifted or generated copy. A difference is reported by where it is in the document.
 */
@QuarkusTest
class ServedContractTest {

    private final JsonNode contract = Contract.load().root();

    @Test
    void shouldServeTheContractAsYamlUnchanged() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi")
                .then().statusCode(200).contentType(startsWith("application/yaml")).extract().asString();

        assertThat(differences(contract, new YAMLMapper().readTree(served), ""))
                .as("/q/openapi differs from openapi.yaml").isEmpty();
    }

    @Test
    void shouldServeTheContractAsJsonUnchanged() throws Exception {
        String served = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().asString();

        assertThat(differences(contract, new ObjectMapper().readTree(served), ""))
                .as("/q/openapi?format=json differs from openapi.yaml").isEmpty();
    }

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
