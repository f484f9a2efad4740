package dev.accords.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A body must say what it is. JAX-RS matches a request without a {@code Content-Type}, or with a
 * wildcard one ({@code *}{@code /*}, {@code application/*}, which are ranges for {@code Accept}, not
 * media types), against {@code @Consumes(application/json)} and reads it as JSON; the contract
 * declares JSON bodies only, so such a request is answered 415 before its body is read.
 */
public class RequestMediaTypes {

    @ServerRequestFilter
    public void requireAConcreteMediaTypeForABody(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH") || !hasBody(request)) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank() || type.strip().startsWith("*") || type.contains("/*")) {
            throw new NotSupportedException();
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
