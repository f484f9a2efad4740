package dev.accords.http;

import dev.accords.problem.Problem;
import dev.accords.problem.ProblemCode;
import dev.accords.problem.ProblemResponses;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Gives every response an {@code X-Request-Id}: the client's own when it sent a sane one, a new
 * UUID otherwise. Registered on the Vert.x router, before anything else, so it also covers health,
 * metrics, the OpenAPI document and the errors produced outside JAX-RS, among them the refusals of
 * {@link RequestLimits} (an invalid or over-long target, oversized headers) and of oversized bodies.
 * The id is also written back into the request headers so that later stages (exception mappers) see
 * one value, and put into the logging MDC as {@code requestId}.
 */
@Singleton
public class RequestIds {

    private static final Logger LOG = Logger.getLogger(RequestIds.class);

    public static final String HEADER = "X-Request-Id";
    /** The MDC key the log format (quarkus.log.console.format) prints. */
    public static final String MDC_KEY = "requestId";
    /** Bodies over 1 MiB get 413: declared and chunked ones here; BodyGuard holds JAX-RS reads to it too. */
    static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final BodyHandler CHUNKED_BODIES = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            // Judged on the headers as sent, before an id of our own is added to them.
            Problem refusal = RequestLimits.refusal(ctx.request());
            identify(ctx);
            if (refusal != null) {
                answer(ctx, refusal);
                return;
            }
            if (declaredBodyTooLarge(ctx.request().getHeader("Content-Length"))) {
                tooLarge(ctx);
                return;
            }
            if (chunkedBody(ctx.request())) {
                // Without a Content-Length a body is only found too large while it is read, and the
                // REST layer would then answer an empty 413. Reading it here, within the limit, makes
                // Vert.x fail the request with 413, which the failure handler below answers as a problem.
                if ("100-continue".equalsIgnoreCase(ctx.request().getHeader("Expect"))) {
                    ctx.response().writeContinue();
                }
                CHUNKED_BODIES.handle(ctx);
                return;
            }
            ctx.next();
        });
        // Failures raised by Vert.x itself (a body over the size limit) still answer with a problem.
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (!ctx.response().headWritten() && ctx.response().headers().get(HEADER) == null) {
                // The router refused the request before any handler ran (no usable Host, no path):
                // Quarkus' error handler would answer with a body of its own and log an error.
                identify(ctx);
                Problem refusal = RequestLimits.unroutable(ctx.request(), status);
                if (refusal != null) {
                    answer(ctx, refusal);
                    return;
                }
            }
            if (status == 413 && !ctx.response().headWritten()) {
                tooLarge(ctx);
            } else if (ctx.failure() instanceof HttpClosedException) {
                // The client closed the connection (e.g. it kept sending a body already refused with 413
                // and Connection: close): there is no one left to answer, and nothing went wrong here.
                LOG.debugf("connection closed by the client during %s %s", ctx.request().method(), ctx.request().path());
            } else {
                ctx.next();
            }
        });
    }

    /** Gives the request and its response their id, and the logging MDC too. */
    private static void identify(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id == null || !ACCEPTED.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
            ctx.request().headers().set(HEADER, id);
        }
        ctx.response().putHeader(HEADER, id);
        // For %X{requestId} in the log format. Quarkus keeps the MDC in the request's duplicated
        // Vert.x context, which follows the request onto worker threads, so every line logged
        // while handling it (the ProblemMapper's 500s included) carries the id; cleared at the end.
        MDC.put(MDC_KEY, id);
        ctx.addEndHandler(ended -> MDC.remove(MDC_KEY));
    }

    private static boolean chunkedBody(HttpServerRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return request.getHeader("Content-Length") == null && encoding != null
                && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    private static boolean declaredBodyTooLarge(String contentLength) {
        try {
            return contentLength != null && Long.parseLong(contentLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void tooLarge(RoutingContext ctx) {
        answer(ctx, ProblemResponses.problem(ProblemCode.PAYLOAD_TOO_LARGE,
                "request bodies are limited to 1 MiB", ctx.request().path()));
    }

    /** Answers before routing; the body, if any, is left unread, so the connection ends with the answer. */
    private static void answer(RoutingContext ctx, Problem problem) {
        ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close").end(Json.encode(problem));
    }
}
