package dev.accords.problem;

import java.util.List;
import java.util.Map;

/** A refusal the service explains to the client: it becomes a problem with the given code. */
public class ApiException extends RuntimeException {

    private final ProblemCode code;
    private final transient List<FieldError> errors;
    private final transient Map<String, Object> extensions;

    public ApiException(ProblemCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public ApiException(ProblemCode code, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldError(field, message)), Map.of());
    }

    public ProblemCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
