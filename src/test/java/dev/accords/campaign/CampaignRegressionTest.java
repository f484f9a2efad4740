package dev.accords.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.accords.support.ApiTest;
import dev.accords.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** One test per bug the bad-input campaign found, each with the request that showed it. */
@QuarkusTest
class CampaignRegressionTest extends ApiTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void shouldRefuseAWildcardInsideAnIfMatchListInsteadOfMatchingAnything() {
        String agreementId = Fixtures.agreement();
        String clauseId = Fixtures.clause(agreementId, "1", null);
        String clause = "/v1/agreements/" + agreementId + "/clauses/" + clauseId;
        var before = database.fingerprint();

        badClient().header("If-Match", "\"3\", *").delete(clause).then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("If-Match"));
        badClient().header("If-None-Match", "\"7\", *").get(clause).then().statusCode(400)
                .body("errors[0].field", equalTo("If-None-Match"));
        badClient().header("If-Match", "*,").delete(clause).then().statusCode(400);

        assertThat(database.fingerprint()).isEqualTo(before);
        api().header("If-None-Match", "*").get(clause).then().statusCode(304);
    }
}
