package dev.accords.support;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;

import jakarta.inject.Inject;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Base of every API test: requests go through REST Assured to the running service on the embedded
 * PostgreSQL, and every request and response is checked against openapi.yaml at the repository root.
 */
public abstract class ApiTest {

    private static final String CONTRACT = Path.of("openapi.yaml").toAbsolutePath().toString();

    /** Checks requests and responses: for requests a client following the contract would send. */
    private static final OpenApiValidationFilter STRICT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT).build());

    /**
     * Checks responses only: for bad-input tests, whose requests break the contract on purpose
     * and whose responses must still be exactly what the contract promises.
     */
    private static final OpenApiValidationFilter RESPONSES_ONLY = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT)
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    @Inject
    protected DatabaseState database;

    /** A negotiator's token, minted once: tokens are valid for an hour. */
    private static final String NEGOTIATOR = Tokens.bearer(Tokens.negotiator());

    /** A request a well-behaved negotiator sends: JSON in, contract-checked both ways. */
    protected static RequestSpecification api() {
        return anonymous().header("Authorization", NEGOTIATOR);
    }

    /** The same request with another caller's token. */
    protected static RequestSpecification as(String token) {
        return anonymous().header("Authorization", Tokens.bearer(token));
    }

    /** A well-formed request without a token. */
    protected static RequestSpecification anonymous() {
        return given().filter(STRICT).contentType(ContentType.JSON).accept("application/json, application/problem+json");
    }

    /** A request that may break the contract on purpose; only the response is contract-checked. */
    protected static RequestSpecification badClient() {
        return given().filter(RESPONSES_ONLY).header("Authorization", NEGOTIATOR);
    }

    /** A request that may break the contract on purpose, with another caller's token. */
    protected static RequestSpecification badClientAs(String token) {
        return given().filter(RESPONSES_ONLY).header("Authorization", Tokens.bearer(token));
    }

    /** A request without a token (or with a bad one) that only has its response contract-checked. */
    protected static RequestSpecification unauthenticated() {
        return given().filter(RESPONSES_ONLY).contentType(ContentType.JSON);
    }

    /** The bearer header tests outside REST Assured must send. */
    protected static String negotiatorAuthorization() {
        return NEGOTIATOR;
    }
}
