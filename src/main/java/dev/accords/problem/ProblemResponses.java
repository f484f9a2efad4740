package dev.accords.problem;

import dev.accords.http.BodyGuard;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns any failure into an RFC 9457 problem. Details are written for the client: they never carry
 * a stack trace, a Java class name, SQL or a constraint name (docs/API-CONVENTIONS.md §14).
 */
public final class ProblemResponses {

    private static final Logger LOG = Logger.getLogger(ProblemResponses.class);
    /** How long a client should wait before retrying when the database is unreachable. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private ProblemResponses() {
    }

    public static Response toResponse(Throwable failure, String instance, String requestId) {
        Problem problem = toProblem(failure, instance, requestId);
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem);
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (problem.status() == 413) {
            // The rest of the body is still on its way: do not read it, end the connection.
            response.header("Connection", "close");
        }
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (failure instanceof NotAllowedException notAllowed) {
            String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }

    public static Problem problem(ProblemCode code, String detail, String instance) {
        return Problem.of(code, detail, instance, List.of(), Map.of());
    }

    static Problem toProblem(Throwable failure, String instance, String requestId) {
        if (failure instanceof ApiException api) {
            return Problem.of(api.code(), api.getMessage(), instance, api.errors(), api.extensions());
        }
        if (failure instanceof io.quarkus.security.UnauthorizedException
                || failure instanceof io.quarkus.security.AuthenticationFailedException
                || failure instanceof jakarta.ws.rs.NotAuthorizedException) {
            return problem(ProblemCode.UNAUTHENTICATED,
                    "send a valid bearer token: Authorization: Bearer <JWT>", instance);
        }
        if (failure instanceof io.quarkus.security.ForbiddenException || failure instanceof jakarta.ws.rs.ForbiddenException) {
            String detail = failure instanceof io.quarkus.security.ForbiddenException forbidden
                    && forbidden.getMessage() != null && forbidden.getMessage().startsWith("accords:")
                    ? forbidden.getMessage().substring("accords:".length())
                    : "your token's roles do not allow this operation";
            return problem(ProblemCode.FORBIDDEN, detail, instance);
        }
        if (causedBy(failure, BodyGuard.TooLarge.class)) {
            return problem(ProblemCode.PAYLOAD_TOO_LARGE, "request bodies are limited to 1 MiB", instance);
        }
        if (causedBy(failure, BodyGuard.NotUtf8.class)) {
            return problem(ProblemCode.MALFORMED_REQUEST_BODY, "the body is not valid UTF-8", instance);
        }
        if (failure instanceof ConstraintViolationException violations) {
            return validation(violations, instance);
        }
        if (failure instanceof JsonProcessingException json) {
            return JsonProblems.of(json, instance);
        }
        if (failure instanceof WebApplicationException web) {
            return web(web, instance);
        }
        if (causedBy(failure, OptimisticLockException.class) || causedBy(failure, StaleStateException.class)) {
            return problem(ProblemCode.CONCURRENT_MODIFICATION,
                    "the resource was changed by another request at the same time; read it again and retry", instance);
        }
        SQLException sql = cause(failure, SQLException.class);
        if (sql == null) {
            // A failed commit: the transaction manager reports a RollbackException and keeps the
            // driver's exception (e.g. "terminating connection" from a restarting server) as suppressed.
            sql = suppressedCause(failure, SQLException.class);
        }
        if (sql != null) {
            Problem problem = database(sql, instance);
            if (problem != null) {
                return problem;
            }
        }
        LOG.errorf(failure, "Unhandled failure on %s (request %s)", instance, requestId);
        return problem(ProblemCode.INTERNAL_ERROR,
                "an unexpected error occurred; quote request id " + requestId + " when reporting it", instance);
    }

    private static Problem validation(ConstraintViolationException violations, String instance) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return Problem.of(ProblemCode.VALIDATION_FAILED, summary(errors), instance, errors, Map.of());
    }

    /** {@code create.body.parties[0].code} becomes {@code parties[0].code}: the JSON path the client sent. */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            // An element of a list carries its index; it belongs after the list's own name.
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            // Synthetic names such as <list element> or <optional value> are not JSON fields.
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static Problem invalid(String field, String message, String instance) {
        List<FieldError> errors = List.of(new FieldError(field, message));
        return Problem.of(ProblemCode.VALIDATION_FAILED, summary(errors), instance, errors, Map.of());
    }

    private static String summary(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        if (errors.size() > Problem.MAX_ERRORS) {
            return errors.size() + " fields are invalid; errors lists the first " + Problem.MAX_ERRORS;
        }
        return errors.size() + " fields are invalid; see errors";
    }

    private static Problem web(WebApplicationException failure, String instance) {
        int status = failure.getResponse().getStatus();
        if (failure instanceof NotFoundException || status == 404) {
            return problem(ProblemCode.ROUTE_NOT_FOUND, "no resource at " + instance, instance);
        }
        if (failure instanceof NotAllowedException || status == 405) {
            return problem(ProblemCode.METHOD_NOT_ALLOWED, "this method is not allowed on " + instance, instance);
        }
        if (failure instanceof NotSupportedException || status == 415) {
            return problem(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the body as application/json (PATCH also takes application/merge-patch+json)", instance);
        }
        if (failure instanceof NotAcceptableException || status == 406) {
            return problem(ProblemCode.NOT_ACCEPTABLE, "this resource is available as application/json only", instance);
        }
        if (status == 413) {
            return problem(ProblemCode.PAYLOAD_TOO_LARGE, "request bodies are limited to 1 MiB", instance);
        }
        if (status >= 500) {
            LOG.errorf(failure, "Server error on %s", instance);
            return problem(ProblemCode.INTERNAL_ERROR, "an unexpected error occurred", instance);
        }
        return problem(ProblemCode.MALFORMED_REQUEST_BODY, "the request could not be read", instance);
    }

    /**
     * Database failures that are the client's business: a constraint that caught a race (another
     * request won), a value out of range, or the database being unreachable (503, retry later).
     */
    private static Problem database(SQLException failure, String instance) {
        String state = failure.getSQLState();
        if (state == null) {
            // Agroal's "acquisition timeout" has no SQL state: every connection is busy or the database is gone.
            return problem(ProblemCode.SERVICE_UNAVAILABLE, "the database is unavailable; retry shortly", instance);
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("57014") || state.equals("53300")) {
            return problem(ProblemCode.SERVICE_UNAVAILABLE, "the database is unavailable; retry shortly", instance);
        }
        if (state.equals("23505") || state.equals("23503") || state.equals("40001") || state.equals("40P01")) {
            return problem(ProblemCode.CONCURRENT_MODIFICATION,
                    "another request changed the same data at the same time; read it again and retry", instance);
        }
        if (state.startsWith("22") || state.equals("23514") || state.equals("23502")) {
            return problem(ProblemCode.VALIDATION_FAILED, "a value is out of the allowed range", instance);
        }
        return null;
    }

    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    /** The first {@code type} among the suppressed exceptions of the failure's causes, and their causes. */
    static <T extends Throwable> T suppressedCause(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                T found = cause(suppressed, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The first {@code type} in the failure's cause chain, or null: the one cause-chain walk of the code base. */
    public static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
