package dev.accords.common;

import jakarta.validation.ConstraintViolationException;
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

/**
 * The one place where exceptions become {@code application/problem+json} responses. Several
 * methods exist only because the most specific mapper wins and Quarkus ships its own for some
 * Jackson and validation types; all of them delegate to {@link ProblemResponses}.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri, HttpHeaders headers) {
        return map(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        return map(e, uri, headers);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, StreamReadException.class,
            JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response json(Exception e, UriInfo uri, HttpHeaders headers) {
        return map(e, uri, headers);
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class, io.quarkus.security.ForbiddenException.class})
    public Response security(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return map(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        return map(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response any(Throwable e, UriInfo uri, HttpHeaders headers) {
        return map(e, uri, headers);
    }

    private static Response map(Throwable e, UriInfo uri, HttpHeaders headers) {
        Throwable failure = e;
        // Jackson failures may reach us wrapped by the body reader.
        if (!(failure instanceof JsonProcessingException)) {
            JsonProcessingException json = ProblemResponses.cause(e, JsonProcessingException.class);
            if (json != null && e instanceof WebApplicationException) {
                failure = json;
            }
        }
        return ProblemResponses.toResponse(failure, uri.getPath(), headers.getHeaderString(RequestIds.HEADER));
    }
}
