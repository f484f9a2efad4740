package dev.accords.problem;

import dev.accords.http.AllowedMethods;
import dev.accords.http.RequestIds;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.vertx.core.http.HttpServerRequest;

/**
 * The one place where exceptions become {@code application/problem+json} responses. Several
 * methods exist only because the most specific mapper wins and Quarkus ships its own for some
 * Jackson and validation types; all of them delegate to {@link ProblemResponses}.
 */
public class ProblemMapper {

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request, HttpHeaders headers) {
        return map(e, request, headers);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request, HttpHeaders headers) {
        return map(e, request, headers);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, StreamReadException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response json(Exception e, HttpServerRequest request, HttpHeaders headers) {
        return map(e, request, headers);
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class, io.quarkus.security.ForbiddenException.class})
    public Response security(RuntimeException e, HttpServerRequest request, HttpHeaders headers) {
        return map(e, request, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request, UriInfo uri, HttpHeaders headers) {
        // A 404 or 405 from routing may be a wrong method on a path some resource declares.
        if (e instanceof NotAllowedException || e instanceof NotFoundException) {
            return map(withAllow(e, uri.getPath(), request.method().name()), request, headers);
        }
        return map(e, request, headers);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, HttpServerRequest request, HttpHeaders headers) {
        return map(e, request, headers);
    }

    private static Response map(Throwable e, HttpServerRequest request, HttpHeaders headers) {
        Throwable failure = e;
        // Jackson failures may reach us wrapped by the body reader.
        if (!(failure instanceof JsonProcessingException)) {
            JsonProcessingException json = ProblemResponses.cause(e, JsonProcessingException.class);
            if (json != null && e instanceof WebApplicationException) {
                failure = json;
            }
        }
        // The path as the client sent it, still percent-encoded: a problem's instance is a URI reference.
        String path = request.path();
        return ProblemResponses.toResponse(failure, path, headers.getHeaderString(RequestIds.HEADER));
    }

    /**
     * A wrong method on a declared path as a 405 that lists the right ones (RFC 9110 §15.5.6). Quarkus
     * REST's own 405 has no {@code Allow}; and for a path below another resource's path (everything
     * under /v1/agreements/{agreementId}/) it gives up with a 404, since it only looks for other
     * methods in the last resource class it tried.
     */
    private Throwable withAllow(Throwable failure, String path, String method) {
        List<String> allowed = allowedMethods.forPath(path);
        if (allowed.isEmpty() || allowed.contains(method)) {
            return failure;
        }
        return new NotAllowedException(Response.status(Response.Status.METHOD_NOT_ALLOWED)
                .header(HttpHeaders.ALLOW, String.join(", ", allowed)).build());
    }
}
