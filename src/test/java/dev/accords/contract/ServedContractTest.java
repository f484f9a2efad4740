package dev.accords.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/** docs/API-CONVENTIONS.md §19: the running service serves openapi.yaml itself at /q/openapi, not a drifted copy. */
@QuarkusTest
class ServedContractTest {

    @Test
    void shouldServeTheContractUnchanged() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Contract.PATH.toFile());

        String served = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();

        assertThat(new ObjectMapper().readTree(served)).isEqualTo(contract);
    }
}
