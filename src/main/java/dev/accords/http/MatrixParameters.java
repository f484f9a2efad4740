package dev.accords.http;

import dev.accords.problem.ApiException;
import dev.accords.problem.ProblemCode;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * No path of the contract has matrix parameters ({@code /v1/agreements;jsessionid=x}), yet JAX-RS
 * matches a path segment without its matrix parameters and drops them, so a client's bug (a session
 * id a framework appended, a {@code ;} meant as {@code &}) would go unnoticed: the request would
 * succeed as if they were not there. Such a path is answered as any other path the contract does not
 * declare, 404 ROUTE_NOT_FOUND, with a detail that says why. An encoded {@code %3B} is no separator
 * and is left to the parameter it belongs to.
 */
public class MatrixParameters {

    @ServerRequestFilter(preMatching = true)
    public void refuseMatrixParameters(HttpServerRequest request) {
        String path = request.path();
        if (path.indexOf(';') >= 0) {
            throw new ApiException(ProblemCode.ROUTE_NOT_FOUND,
                    "no resource at " + path + ": paths take no matrix parameters (;name=value)");
        }
    }
}
