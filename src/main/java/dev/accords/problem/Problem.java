package dev.accords.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem document with Accords' stable {@code code} and optional field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * The bounds openapi.yaml declares for a problem; details and paths can carry client input. The
     * instance is the request's path as a URI reference (format: uri-reference), see {@link UriReferences}.
     */
    static final int MAX_DETAIL = 2000;
    static final int MAX_INSTANCE = 2048;
    static final int MAX_ERRORS = 100;

    public static Problem of(ProblemCode code, String detail, String instance, List<FieldError> errors,
                             Map<String, Object> extensions) {
        List<FieldError> bounded = errors == null || errors.isEmpty() ? null
                : errors.stream().limit(MAX_ERRORS).map(FieldError::bounded).toList();
        return new Problem(code.type(), code.title(), code.status(), Bounded.text(detail, MAX_DETAIL),
                UriReferences.ofPath(instance, MAX_INSTANCE), code.name(), bounded, new LinkedHashMap<>(extensions));
    }

    /** Extension members (e.g. {@code blockingClauses}) sit at the top level, as RFC 9457 §3.2 says. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
