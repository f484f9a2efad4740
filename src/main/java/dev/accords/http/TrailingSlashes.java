package dev.accords.http;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The contract declares no path with a trailing slash, yet Quarkus REST matches
 * {@code /v1/agreements/} as {@code /v1/agreements} on purpose, for compatibility with RESTEasy
 * Classic, and has no setting to stop it ({@code quarkus.rest.removes-trailing-slash} is about
 * {@code @Path} values, not requests). So such a request is answered before matching, as any other
 * undeclared path: 404 ROUTE_NOT_FOUND. Only JAX-RS paths are concerned; /q/ endpoints are Vert.x
 * routes of their own.
 */
public class TrailingSlashes {

    @ServerRequestFilter(preMatching = true)
    public void refuseATrailingSlash(ContainerRequestContext request) {
        // The raw path: an encoded slash (%2F) at the end is a path parameter's value, not a separator.
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            throw new NotFoundException();
        }
    }
}
