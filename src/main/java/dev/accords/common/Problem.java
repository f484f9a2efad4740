package dev.accords.common;

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

    public static Problem of(ProblemCode code, String detail, String instance, List<FieldError> errors,
                             Map<String, Object> extensions) {
        return new Problem(code.type(), code.title(), code.status(), detail, instance, code.name(),
                errors == null || errors.isEmpty() ? null : errors, new LinkedHashMap<>(extensions));
    }

    /** Extension members (e.g. {@code blockingClauses}) sit at the top level, as RFC 9457 §3.2 says. */
    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }
}
