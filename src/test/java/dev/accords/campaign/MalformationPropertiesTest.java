package dev.accords.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.accords.campaign.Contract.Operation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The campaign's claim that every request it sends is invalid, checked on jqwik's own engine (no
 * application needed): each generated request must be refused by an oracle independent of the
 * generators, first the contract validator (the same library that checks responses), and, for what a
 * schema cannot say, the rule the contract or HTTP states in words: RFC 9110 entity-tag syntax, the
 * Idempotency-Key's visible ASCII, unknown query parameters "are refused", a cursor the service could
 * not have issued, JSON that a strict parser refuses, UTF-8 that a strict decoder refuses, the 1 MiB
 * limit, a route or method the contract does not have.
 */
class MalformationPropertiesTest {

    static final Contract CONTRACT = Contract.load();
    static final Malformations MALFORMATIONS = new Malformations(CONTRACT);
    static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForSpecificationUrl(Contract.FILE.toString()).build();
    static final Map<String, String> IDS = Map.of("agreementId", UUID.randomUUID().toString(),
            "clauseId", UUID.randomUUID().toString(), "signatoryId", UUID.randomUUID().toString(), "partyCode", "UA");
    static final String AUTHORIZATION = "Bearer e30.e30.c2ln";
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Provide
    Arbitrary<BadRequest> malformedRequests() {
        List<Arbitrary<BadRequest>> all = new ArrayList<>();
        CONTRACT.operations().forEach(operation -> all.add(MALFORMATIONS.forOperation(operation)));
        return Arbitraries.oneOf(all);
    }

    @Property(tries = 1000)
    void everyGeneratedRequestIsInvalid(@ForAll("malformedRequests") BadRequest request) {
        List<String> reasons = whyInvalid(request);
        Statistics.label("family").collect(request.family());
        Statistics.label("judged by").collect(reasons.isEmpty() ? "nothing" : reasons.get(0).split(":")[0]);
        assertThat(reasons).as(request.describe(IDS)).isNotEmpty();
    }

    /** The oracle is only worth something if it lets the valid starting point of every operation through. */
    @Example
    void theValidRequestEveryMalformationStartsFromIsValid() {
        for (Operation operation : CONTRACT.operations()) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            headers.add(Map.entry("Accept", Malformations.ACCEPT));
            byte[] body = null;
            if (operation.hasBody()) {
                String type = Malformations.jsonType(operation);
                headers.add(Map.entry("Content-Type", type));
                body = Malformations.utf8(JsonText.write(MALFORMATIONS.validBody(operation, type)));
            }
            BadRequest valid = new BadRequest(operation, "none", "none", operation.method(), Map.of(), "", "", headers,
                    body, false);
            assertThat(contractErrors(valid)).as(operation.toString()).isEmpty();
        }
    }

    /** The reasons a request is invalid; empty when no oracle finds one. */
    static List<String> whyInvalid(BadRequest request) {
        List<String> reasons = new ArrayList<>();
        Operation operation = request.operation();
        String target = request.target(IDS);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (!CONTRACT.methodsOf(operation.path()).contains(request.method()) || !request.suffix().isEmpty()) {
            reasons.add("route: " + request.method() + " " + path + " is no operation of the contract");
            return reasons;
        }
        if (request.body() != null && request.body().length > Malformations.LIMIT) {
            reasons.add("size: over the 1 MiB limit");
        }
        if (!decodesAsUtf8(path) || !decodesAsUtf8(request.query())) {
            reasons.add("url: percent-escapes that are not UTF-8");
        }
        if (request.body() != null && !isStrictJson(request.body())) {
            reasons.add("json: not one strict JSON document in UTF-8");
        }
        for (String name : List.of("If-Match", "If-None-Match")) {
            String value = request.header(name);
            if (value != null && !Malformations.ENTITY_TAGS.matcher(Malformations.latin1(value)).matches()) {
                reasons.add("header: " + name + " is not an RFC 9110 entity-tag list");
            }
        }
        String key = request.header("Idempotency-Key");
        if (key != null && !Malformations.IDEMPOTENCY_KEY.matcher(Malformations.latin1(key)).matches()) {
            reasons.add("header: Idempotency-Key is not 1 to 255 visible ASCII characters");
        }
        if (request.body() != null && request.body().length > 0) {
            String type = request.header("Content-Type");
            String bare = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
            if (operation.bodies().keySet().stream().noneMatch(declaredType -> declaredType.equals(bare))) {
                reasons.add("media: a body of a media type the operation does not take (" + type + ")");
            }
        }
        String accept = request.header("Accept");
        if (accept != null && operation.responseMediaTypes().stream().noneMatch(produced -> accepts(accept, produced))) {
            reasons.add("accept: nothing the operation answers with is acceptable");
        }
        for (Contract.Parameter parameter : operation.in("path")) {
            String value = request.pathValues().containsKey(parameter.name())
                    ? percentDecode(request.pathValues().get(parameter.name())) : IDS.get(parameter.name());
            if ("uuid".equals(parameter.schema().path("format").asText())
                    && !Malformations.CANONICAL_UUID.matcher(value).matches()) {
                reasons.add("path: " + parameter.name() + " is not a UUID (RFC 4122 8-4-4-4-12 hex)");
            }
            if (parameter.schema().has("pattern")
                    && !java.util.regex.Pattern.compile(parameter.schema().get("pattern").asText()).matcher(value).find()) {
                reasons.add("path: " + parameter.name() + " does not match its pattern");
            }
        }
        Set<String> declared = new HashSet<>();
        operation.in("query").forEach(p -> declared.add(p.name()));
        for (Map.Entry<String, String> parameter : query(request.query()).entrySet()) {
            if (!declared.contains(parameter.getKey()) && operation.refusesUnknownQuery()) {
                reasons.add("query: unknown parameter " + parameter.getKey() + ", and the operation refuses those");
            }
            if (parameter.getValue().isEmpty()) {
                reasons.add("query: empty value (allowEmptyValue is false)");
            }
            Contract.Parameter schema = operation.in("query").stream()
                    .filter(p -> p.name().equals(parameter.getKey())).findFirst().orElse(null);
            String type = schema == null ? "" : schema.schema().path("type").asText();
            if (type.equals("boolean") && !parameter.getValue().matches("true|false")) {
                reasons.add("query: " + parameter.getKey() + " is not the boolean literal true or false");
            }
            if (type.equals("integer") && !parameter.getValue().matches("-?[0-9]+")) {
                reasons.add("query: " + parameter.getKey() + " is not a decimal integer");
            }
            if (parameter.getKey().equals("cursor") && !Malformations.couldBeIssued(parameter.getValue(), 512)) {
                reasons.add("query: a cursor the service cannot have issued");
            }
        }
        reasons.addAll(contractErrors(request));
        return reasons;
    }

    static List<String> contractErrors(BadRequest request) {
        String target = request.target(IDS);
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(request.method()),
                percentDecode(path)).withHeader("Authorization", AUTHORIZATION);
        request.headers().forEach(h -> builder.withHeader(h.getKey(), Malformations.latin1(h.getValue())));
        query(request.query()).forEach(builder::withQueryParam);
        if (request.body() != null) {
            builder.withBody(new String(request.body(), StandardCharsets.UTF_8));
        }
        List<String> errors = new ArrayList<>();
        try {
            for (ValidationReport.Message message : VALIDATOR.validateRequest(builder.build()).getMessages()) {
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
            String bare = range.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
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
        } catch (CharacterCodingException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(percentDecode(name), percentDecode(value));
        }
        return parameters;
    }

    private static boolean decodesAsUtf8(String encoded) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(percentBytes(encoded)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static String percentDecode(String encoded) {
        return new String(percentBytes(encoded), StandardCharsets.UTF_8);
    }

    private static byte[] percentBytes(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
