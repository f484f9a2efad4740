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

    /** A request a well-behaved client sends: JSON in, contract-checked both ways. */
    protected static RequestSpecification api() {
        return given().filter(STRICT).contentType(ContentType.JSON).accept("application/json, application/problem+json");
    }

    /** A request that may break the contract on purpose; only the response is contract-checked. */
    protected static RequestSpecification badClient() {
        return given().filter(RESPONSES_ONLY);
    }
}
