package dev.accords.campaign;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;
import dev.accords.problem.ProblemCode;

/**
 * What every answer to a malformed request must be: not a success, not a 5xx, a status the operation
 * declares (or, through its {@code default}, one of the generic refusals below), the status and code
 * the request's defect calls for where the rules name one, a problem document valid against the
 * contract whose code, status, title and type agree and whose {@code instance} is a URI reference, no
 * internals in the text, and an {@code X-Request-Id}.
 */
final class ResponseChecks {

    /**
     * Statuses an operation may answer through its {@code default} response, with the one code each;
     * 414 and 431 (a request target or headers over the service's limits) take the service's one
     * code of that status, whatever its name.
     */
    static final Map<Integer, String> DEFAULT_ONLY = Map.of(
            404, "ROUTE_NOT_FOUND", 405, "METHOD_NOT_ALLOWED", 406, "NOT_ACCEPTABLE", 413, "PAYLOAD_TOO_LARGE",
            414, codeOf(414), 415, "UNSUPPORTED_MEDIA_TYPE", 431, codeOf(431));
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\b(?:java|javax|jakarta|org\\.hibernate|org\\.postgresql|com\\.fasterxml|io\\.quarkus|io\\.vertx|"
                    + "org\\.jboss|dev\\.accords)\\.[a-zA-Z]|Exception\\b|\\bat [a-z]+\\.[a-z]|\\bSQL\\b|SQLState|constraint|"
                    + "\\bERROR:|PSQL|_fkey|_pkey|_key\\b)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiInteractionValidator validator;

    ResponseChecks(Contract contract) {
        // The same configuration as ApiTest.badClient(): requests are not checked, responses are.
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(contract.location())
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    List<String> problems(BadRequest request, RawHttp.Response response, Map<String, String> ids) {
        List<String> problems = new ArrayList<>();
        Operation operation = request.operation();
        int status = response.status();
        if (status >= 500) {
            problems.add("5xx");
        } else if (status < 400) {
            problems.add("accepted a malformed request with " + status);
            return problems;
        }
        if (response.header("X-Request-Id") == null) {
            problems.add("no X-Request-Id");
        }
        String contentType = response.header("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            problems.add("content type " + contentType + ", not application/problem+json");
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (Exception e) {
            problems.add("body is not JSON");
            return problems;
        }
        String code = problem == null ? null : problem.path("code").asText(null);
        BadRequest.Expected expected = request.expected();
        if (expected != null && (expected.status() != status || expected.code() != null && !expected.code().equals(code))) {
            problems.add("answered " + status + " " + code + ", not " + expected);
        }
        String instance = problem == null ? null : problem.path("instance").asText(null);
        if (instance != null && !isUriReference(instance)) {
            problems.add("instance is not a URI reference (see the example's body)");
        }
        if (!operation.declares(status)) {
            if (!operation.statuses().contains("default") || !DEFAULT_ONLY.containsKey(status)) {
                problems.add("undeclared status " + status + " (" + code + ")");
            } else if (!DEFAULT_ONLY.get(status).equals(code)) {
                problems.add("status " + status + " through default with code " + code + ", not " + DEFAULT_ONLY.get(status));
            }
        }
        if (code != null) {
            try {
                ProblemCode known = ProblemCode.valueOf(code);
                if (known.status() != status || problem.path("status").asInt() != status
                        || !known.title().equals(problem.path("title").asText())
                        || !known.type().equals(problem.path("type").asText())) {
                    problems.add("problem " + code + " disagrees with its status, title or type");
                }
            } catch (IllegalArgumentException e) {
                problems.add("unknown problem code " + code);
            }
        }
        StringBuilder text = new StringBuilder(problem == null ? "" : problem.path("title").asText() + " "
                + problem.path("detail").asText());
        if (problem != null) {
            problem.path("errors").forEach(error -> text.append(' ').append(error.path("message").asText()));
        }
        if (LEAK.matcher(text).find()) {
            problems.add("problem text shows internals");
        }
        ValidationReport report = validator.validateResponse(concretePath(operation, ids), Request.Method.valueOf(operation.method()),
                SimpleResponse.Builder.status(status)
                        .withContentType(contentType == null ? "application/octet-stream" : contentType)
                        .withBody(new String(response.body(), StandardCharsets.UTF_8))
                        .build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add("contract: " + message.getKey() + ": " + message.getMessage());
            }
        }
        return problems;
    }

    /**
     * RFC 3986 URI-reference: visible ASCII only (what must be encoded stays percent-encoded), every
     * '%' starting an escape, and java.net.URI can parse it. The response validator does not check
     * {@code format: uri-reference}, so this is checked here.
     */
    static boolean isUriReference(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return false;
            }
            if (c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)))) {
                return false;
            }
        }
        try {
            new URI(text);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }

    /** The service's one problem code for a status, or a placeholder no response can carry. */
    private static String codeOf(int status) {
        List<String> codes = java.util.Arrays.stream(ProblemCode.values()).filter(code -> code.status() == status)
                .map(Enum::name).toList();
        return codes.size() == 1 ? codes.get(0) : "(no single problem code of status " + status + ")";
    }

    private static String concretePath(Operation operation, Map<String, String> ids) {
        String path = operation.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        return path;
    }
}
