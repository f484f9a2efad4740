package dev.accords.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client generated from the contract takes its base URL from the caller: the one server is a
 * template whose variables all have defaults, and the defaults name local development.
 */
class ServerUrlContractTest {

    @Test
    void shouldNameTheServerAsATemplateWithLocalDevelopmentAsItsDefault() {
        JsonNode servers = Contract.load().root().path("servers");
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
}
