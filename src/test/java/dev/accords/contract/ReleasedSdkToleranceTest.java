package dev.accords.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URL;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import dev.accords.client.v1_0_0.ApiClient;
import dev.accords.client.v1_0_0.ApiException;
import dev.accords.client.v1_0_0.api.AgreementsApi;
import dev.accords.client.v1_0_0.model.Agreement;
import dev.accords.client.v1_0_0.model.AgreementStatus;
import dev.accords.client.v1_0_0.model.Problem;
import dev.accords.client.v1_0_0.model.ProblemCode;
import dev.accords.support.InForce;
import dev.accords.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client generated from the released contract v1.0.0, with the settings the project ships
 * (sdk/java/openapi-generator.yaml; openapi-generator-maven-plugin puts it into
 * target/generated-test-sources/java-sdk-v1.0.0, package {@code dev.accords.client.v1_0_0}), reads
 * answers that carry response enum values v1.0.0 did not have. That is what lets a response enum gain
 * values within a major version (docs/CONTRACT.md, BreakingChangeTest): the problem codes 414
 * {@code URI_TOO_LONG} and 431 {@code HEADERS_TOO_LARGE} came after v1.0.0, and the service sends
 * them to every client.
 */
@QuarkusTest
class ReleasedSdkToleranceTest {

    @TestHTTPResource("/")
    URL service;

    /** Beyond 4,096 characters of path and query the service answers 414, beyond 20 KiB of headers 431. */
    @Test
    void shouldReadAProblemCodeItDoesNotKnow() throws Exception {
        AgreementsApi agreements = new AgreementsApi(client(Tokens.reader()));

        assertReadsAnUnknownCode(dev.accords.problem.ProblemCode.URI_TOO_LONG,
                () -> agreements.listAgreements(null, null, null, "x".repeat(5000), null, null, null));
        assertReadsAnUnknownCode(dev.accords.problem.ProblemCode.HEADERS_TOO_LARGE,
                () -> agreements.listAgreements(null, null, null, null, null, null, null,
                        Map.of("X-Padding", "x".repeat(21 * 1024))));
    }

    /**
     * AgreementStatus gained IN_FORCE after v1.0.0 (issue 14), and the agreement the fields that go with
     * it: a v1.0.0 client reads an agreement in force, with the status as the value it does not know and
     * every field it knows intact, and lists it.
     */
    @Test
    void shouldReadAnAgreementInForce() throws Exception {
        String agreementId = InForce.agreement();
        AgreementsApi agreements = new AgreementsApi(client(Tokens.reader()));

        assertThat(Arrays.stream(AgreementStatus.values()).map(AgreementStatus::getValue))
                .as("the statuses of v1.0.0").doesNotContain("IN_FORCE");
        Agreement agreement = agreements.getAgreement(UUID.fromString(agreementId), null);

        assertThat(agreement.getStatus()).isEqualTo(AgreementStatus.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(agreement.getId()).isEqualTo(UUID.fromString(agreementId));
        assertThat(agreement.getSignedAt()).isNotNull();
        assertThat(agreement.getParties()).extracting("code").containsExactly("US", "UA");
        assertThat(agreements.listAgreements(null, null, null, agreement.getTitle(), null, null, null).getItems())
                .extracting(Agreement::getStatus).containsExactly(AgreementStatus.UNKNOWN_DEFAULT_OPEN_API);
        // The SDK generated from openapi.yaml knows the status.
        assertThat(new dev.accords.client.api.AgreementsApi(currentClient(Tokens.reader()))
                .getAgreement(UUID.fromString(agreementId), null).getStatus())
                .isEqualTo(dev.accords.client.model.AgreementStatus.IN_FORCE);
    }

    private static void assertReadsAnUnknownCode(dev.accords.problem.ProblemCode sent, ThrowingCallable request)
            throws Exception {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::getValue))
                .as("the codes of v1.0.0").doesNotContain(sent.name());

        ApiException refused = catchThrowableOfType(ApiException.class, request);
        assertThat(refused).as("the v1.0.0 client's exception for %s", sent).isNotNull();
        assertThat(refused.getCode()).as("the answer's status (%s)", refused.getMessage()).isEqualTo(sent.status());
        // What a client does with a refusal: read its body as the SDK's own Problem, with the SDK's mapper.
        Problem problem = new ApiClient().getObjectMapper().readValue(refused.getResponseBody(), Problem.class);

        assertThat(problem.getCode()).as("the code v1.0.0 does not know").isEqualTo(ProblemCode.UNKNOWN_DEFAULT_OPEN_API);
        assertThat(problem.getStatus()).as("the status, by which a client handles an unknown code").isEqualTo(sent.status());
        assertThat(problem.getTitle()).isEqualTo(sent.title());
        assertThat(problem.getInstance()).isEqualTo("/v1/agreements");
        // The SDK generated from openapi.yaml knows the code.
        assertThat(new dev.accords.client.ApiClient().getObjectMapper()
                .readValue(refused.getResponseBody(), dev.accords.client.model.Problem.class).getCode())
                .isEqualTo(dev.accords.client.model.ProblemCode.valueOf(sent.name()));
    }

    /**
     * The v1.0.0 client with a bearer token: the native library leaves auth to a request interceptor.
     * Over HTTP/1.1: java.net.http's default is HTTP/2 by h2c upgrade, and then it cannot read these
     * refusals at all ("ProtocolException: Prohibited header name 'connection'"; ApiException code 0),
     * because the service answers them with Connection: close, a header HTTP/2 forbids (RFC 9113
     * 8.2.2), whatever their problem code. That is not what this test is about.
     */
    private dev.accords.client.ApiClient currentClient(String token) {
        dev.accords.client.ApiClient client = new dev.accords.client.ApiClient();
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.setHttpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
