package dev.accords.http;

import dev.accords.problem.FieldError;
import dev.accords.problem.Problem;
import dev.accords.problem.ProblemCode;
import dev.accords.problem.ProblemResponses;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the service takes of a request before routing it, checked by {@link RequestIds} so that every
 * refusal is a problem with an {@code X-Request-Id}: a request target (path and query) of at most
 * 4,096 characters (else 414), headers of at most 20 KiB in all (else 431), and a target that is a
 * valid URI (RFC 3986), with every {@code %} starting an escape of two hex digits (else 400).
 *
 * <p>These checks are made here rather than left to the layers below because those answer with a
 * bare status and no body, before any application code runs: the HTTP codec its 414 and 431 (Vert.x's
 * default invalid-request handler, which Quarkus 3.33 offers no way to replace; quarkusio/quarkus#55082),
 * and Quarkus its 400 for a target {@code java.net.URI} cannot parse. So the codec's limits are set
 * well above these (application.properties), and Quarkus' check is handed over to this class
 * ({@link RequestTargetValidation}). Only a request past the codec's ceilings still gets its bare answer.
 */
final class RequestLimits {

    static final int MAX_TARGET_LENGTH = 4096;
    static final int MAX_HEADER_BYTES = 20 * 1024;

    private static final String PATH_CHARACTERS = "-._~!$&'()*+,;=:@/";
    private static final String QUERY_CHARACTERS = PATH_CHARACTERS + "?";

    private RequestLimits() {
    }

    /** The problem the request is refused with before routing, or null when it may go on. */
    static Problem refusal(HttpServerRequest request) {
        String target = request.uri();
        String path = request.path();
        if (target.length() > MAX_TARGET_LENGTH) {
            return ProblemResponses.problem(ProblemCode.URI_TOO_LONG,
                    "the path and query of a request are limited to " + MAX_TARGET_LENGTH + " characters", path);
        }
        if (headerBytes(request.headers()) > MAX_HEADER_BYTES) {
            return ProblemResponses.problem(ProblemCode.HEADERS_TOO_LARGE,
                    "the headers of a request are limited to 20 KiB in all", path);
        }
        if (!valid(path, PATH_CHARACTERS)) {
            return invalid("path", path);
        }
        if (request.query() != null && !valid(request.query(), QUERY_CHARACTERS)) {
            return invalid("query", path);
        }
        try {
            // What Quarkus checked before handing it over: nothing it refused may go through.
            new URI(target);
        } catch (URISyntaxException e) {
            return invalid("path", path);
        }
        return null;
    }

    /**
     * The problem for a request the router refused before any handler ran, with the status it chose,
     * or null: a Host header that names no host and port (400), a path that is empty (400) or does not
     * start with a slash ({@code OPTIONS *}, {@code GET abc}: 404, as for any path no operation has).
     */
    static Problem unroutable(HttpServerRequest request, int status) {
        String path = request.path() == null ? "" : request.path();
        if (request.authority() == null) {
            return invalid("Host", "is required, as a host name or address with an optional port", path);
        }
        if (path.isEmpty() && status == 400) {
            return invalid("path", "is required: a path starts with /", path);
        }
        if (!path.startsWith("/") && status == 404) {
            return ProblemResponses.problem(ProblemCode.ROUTE_NOT_FOUND, "no resource at " + path
                    + ": a path starts with /", path);
        }
        return null;
    }

    private static Problem invalid(String part, String path) {
        return invalid(part, "is not a valid URI " + part + ": escape spaces, quotes, braces, control and non-ASCII"
                + " characters as %XX (UTF-8), and a % itself as %25", path);
    }

    private static Problem invalid(String field, String message, String path) {
        return Problem.of(ProblemCode.VALIDATION_FAILED, field + ": " + message, path,
                List.of(new FieldError(field, message)), Map.of());
    }

    /** The size of the header section as sent: each line is the name, ": ", the value and CRLF. */
    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** Only the characters RFC 3986 allows in this part, and escapes of two hex digits. */
    private static boolean valid(String part, String allowed) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || !isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || allowed.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
