package dev.accords.campaign;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.contract.Contract;
import dev.accords.contract.Contract.Operation;
import dev.accords.contract.Contract.Parameter;

/**
 * Why a request is invalid, judged without the generators: first by the contract validator (the same
 * library that checks responses), and, for what a schema cannot say, by the rule the contract, an RFC
 * or the server's limits state: the route and method exist, RFC 3986 percent-escapes, UTF-8, strict
 * JSON, RFC 9110 entity tags, the Idempotency-Key's visible ASCII, unknown query parameters "are
 * refused", a cursor the service could have issued, the body, request-target and header limits.
 * Each reason starts with its kind ("route:", "escape:", "contract:", ...).
 */
final class InvalidityOracle {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final Contract contract;
    private final OpenApiInteractionValidator validator;
    private final Map<String, String> ids;

    /** {@code ids}: the values of path parameters a request leaves alone (valid ones). */
    InvalidityOracle(Contract contract, Map<String, String> ids) {
        this.contract = contract;
        this.validator = OpenApiInteractionValidator.createForSpecificationUrl(contract.location()).build();
        this.ids = ids;
    }

    /** The reasons a request is invalid; empty when no rule finds one. */
    List<String> whyInvalid(BadRequest request, String authorization) {
        List<String> reasons = new ArrayList<>();
        String target = request.target(ids);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        limits(request, target, reasons);
        if (BROKEN_ESCAPE.matcher(target).find()) {
            reasons.add("escape: a '%' that does not start an RFC 3986 escape (% HEXDIG HEXDIG)");
        }
        Operation operation = routed(request.method(), path, reasons);
        if (operation == null) {
            return reasons;
        }
        if (!Urls.isUtf8(path) || !Urls.isUtf8(query)) {
            reasons.add("url: percent-escapes that are not UTF-8");
        }
        if (request.body() != null && !isStrictJson(request.body())) {
            reasons.add("json: not one strict JSON document in UTF-8");
        } else if (request.body() != null && !isJsonObject(request.body())) {
            reasons.add("json: a JSON document, but not an object (every request body of the contract is one)");
        }
        headers(request, operation, reasons);
        pathValues(operation, path, reasons);
        queryParameters(operation, query, reasons);
        reasons.addAll(contractErrors(request, authorization));
        return reasons;
    }

    /** Over a limit of the service: the request's own headers alone, without Host and Authorization, count. */
    private static void limits(BadRequest request, String target, List<String> reasons) {
        if (request.body() != null && request.body().length > LimitFamilies.MAX_BODY) {
            reasons.add("size: a body over the 1 MiB limit");
        }
        if (target.length() > LimitFamilies.MAX_TARGET) {
            reasons.add("limit: a request target of " + target.length() + " characters, over " + LimitFamilies.MAX_TARGET);
        }
        int section = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            section += (header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8).length;
        }
        if (section > LimitFamilies.MAX_HEADER_SECTION) {
            reasons.add("limit: a header section of at least " + section + " bytes, over " + LimitFamilies.MAX_HEADER_SECTION);
        }
    }

    /** The operation a method and raw path name; null (with the reason) when the contract has none. */
    private Operation routed(String method, String path, List<String> reasons) {
        List<Operation> onPath = contract.operations().stream()
                .filter(operation -> RouteFamilies.template(operation.path()).matcher(path).matches()).toList();
        if (onPath.isEmpty()) {
            reasons.add("route: " + BadRequest.cut(path, 80) + " is no path of the contract");
            return null;
        }
        Operation operation = onPath.stream().filter(o -> o.method().equals(method)).findFirst().orElse(null);
        if (operation == null) {
            reasons.add("route: " + method + " is no method of " + onPath.get(0).path());
        }
        return operation;
    }

    private static void headers(BadRequest request, Operation operation, List<String> reasons) {
        for (String name : List.of("If-Match", "If-None-Match")) {
            String value = request.header(name);
            if (value != null && !HeaderFamilies.ENTITY_TAGS.matcher(Baseline.latin1(value)).matches()) {
                reasons.add("header: " + name + " is not an RFC 9110 entity-tag list");
            }
        }
        String key = request.header("Idempotency-Key");
        if (key != null && !HeaderFamilies.IDEMPOTENCY_KEY.matcher(Baseline.latin1(key)).matches()) {
            reasons.add("header: Idempotency-Key is not 1 to 255 visible ASCII characters");
        }
        if (request.body() != null && request.body().length > 0) {
            String type = request.header("Content-Type");
            String bare = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!operation.bodies().containsKey(bare)) {
                reasons.add("media: a body of a media type the operation does not take (" + type + ")");
            }
        }
        String accept = request.header("Accept");
        if (accept != null && operation.responseMediaTypes().stream().noneMatch(produced -> accepts(accept, produced))) {
            reasons.add("accept: nothing the operation answers with is acceptable");
        }
    }

    /** Path parameters, read from the sent path by the operation's template. */
    private static void pathValues(Operation operation, String path, List<String> reasons) {
        Matcher names = PARAMETER.matcher(operation.path());
        Matcher values = Pattern.compile(RouteFamilies.template(operation.path()).pattern()
                .replace("[^/]+", "([^/]+)")).matcher(path);
        if (!values.matches()) {
            return;
        }
        for (int group = 1; names.find(); group++) {
            String value = Urls.decode(values.group(group));
            Parameter parameter = operation.in("path").stream().filter(p -> p.name().equals(names.group(1)))
                    .findFirst().orElseThrow();
            if ("uuid".equals(parameter.schema().path("format").asText())
                    && !InvalidStrings.CANONICAL_UUID.matcher(value).matches()) {
                reasons.add("path: " + parameter.name() + " is not a UUID (RFC 4122 8-4-4-4-12 hex)");
            }
            if (parameter.schema().has("pattern")
                    && !Pattern.compile(parameter.schema().get("pattern").asText()).matcher(value).find()) {
                reasons.add("path: " + parameter.name() + " does not match its pattern");
            }
        }
    }

    private static void queryParameters(Operation operation, String query, List<String> reasons) {
        Set<String> declared = new TreeSet<>();
        operation.in("query").forEach(p -> declared.add(p.name()));
        for (Map.Entry<String, String> parameter : Urls.queryParameters(query).entrySet()) {
            if (!declared.contains(parameter.getKey()) && operation.refusesUnknownQuery()) {
                reasons.add("query: unknown parameter " + parameter.getKey() + ", and the operation refuses those");
            }
            if (parameter.getValue().isEmpty()) {
                reasons.add("query: empty value (allowEmptyValue is false)");
            }
            String type = operation.in("query").stream().filter(p -> p.name().equals(parameter.getKey()))
                    .map(p -> p.schema().path("type").asText()).findFirst().orElse("");
            if (type.equals("boolean") && !parameter.getValue().matches("true|false")) {
                reasons.add("query: " + parameter.getKey() + " is not the boolean literal true or false");
            }
            if (type.equals("integer") && !parameter.getValue().matches("-?[0-9]+")) {
                reasons.add("query: " + parameter.getKey() + " is not a decimal integer");
            }
            if (parameter.getKey().equals("cursor") && !Cursors.couldBeIssued(parameter.getValue(), 512)) {
                reasons.add("query: a cursor the service cannot have issued");
            }
        }
    }

    /** What the contract validator finds, each as "contract: " and its message key. */
    List<String> contractErrors(BadRequest request, String authorization) {
        String target = request.target(ids);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(request.method()),
                Urls.decode(path)).withHeader("Authorization", authorization);
        request.headers().forEach(h -> builder.withHeader(h.getKey(), Baseline.latin1(h.getValue())));
        String query = target.contains("?") ? target.substring(target.indexOf('?') + 1) : "";
        Urls.queryParameters(query).forEach(builder::withQueryParam);
        if (request.body() != null) {
            builder.withBody(new String(request.body(), StandardCharsets.UTF_8));
        }
        List<String> errors = new ArrayList<>();
        try {
            for (ValidationReport.Message message : validator.validateRequest(builder.build()).getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    errors.add("contract: " + message.getKey());
                }
            }
        } catch (RuntimeException e) {
            // The validator could not even read it; that alone proves nothing, so say nothing.
        }
        return errors;
    }

    private static boolean accepts(String accept, String produced) {
        for (String range : accept.split(",")) {
            String bare = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (bare.equals("*/*") || bare.equals(produced)
                    || bare.endsWith("/*") && produced.startsWith(bare.substring(0, bare.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStrictJson(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            STRICT_JSON.readTree(body);
            return body.length > 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean isJsonObject(byte[] body) {
        try {
            return STRICT_JSON.readTree(body).isObject();
        } catch (Exception e) {
            return false;
        }
    }
}
