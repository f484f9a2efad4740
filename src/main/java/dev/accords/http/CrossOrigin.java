package dev.accords.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the origins in {@code ACCORDS_CORS_ORIGINS} (exact origins, or a pattern between slashes
 * such as {@code /http://localhost(:[0-9]+)?/}): preflights are answered here, and every response to
 * an allowed origin carries the CORS headers, errors included, so a page can read the problem.
 * Another origin gets no CORS headers and is otherwise answered as usual; its browser then keeps the
 * answer from the page.
 *
 * <p>Written here rather than with Quarkus' CORS filter, which answers another origin with a bare 403
 * (no problem body), and runs after this router's first handler, whose early refusals (413, 414,
 * 431) would then go out without CORS headers. Refusing other origins buys nothing here: Accords
 * only accepts bearer tokens, which a browser never attaches on its own, so there is no ambient
 * credential for a foreign page to ride on.
 */
@Singleton
public class CrossOrigin {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, X-Request-Id, Last-Event-ID";
    static final String EXPOSED_HEADERS =
            "ETag, Location, X-Request-Id, Idempotent-Replayed, Retry-After, WWW-Authenticate";
    /** How long a browser may reuse a preflight's answer. */
    static final String MAX_AGE_SECONDS = "3600";

    private final List<String> exactOrigins;
    private final List<Pattern> originPatterns;

    CrossOrigin(@ConfigProperty(name = "accords.cors.origins") Optional<List<String>> origins) {
        List<String> configured = origins.orElse(List.of()).stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
        this.exactOrigins = configured.stream().filter(o -> !isPattern(o)).toList();
        this.originPatterns = configured.stream().filter(CrossOrigin::isPattern)
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
    }

    /** Registered before RequestIds (same route order, earlier observer), so its refusals carry the headers too. */
    void register(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        String origin = request.getHeader("Origin");
        // Caches must not hand one origin's answer to another.
        response.headers().add("Vary", "Origin");
        if (origin == null || !allows(origin)) {
            ctx.next();
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        if (request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null) {
            response.setStatusCode(204)
                    .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                    .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS)
                    .end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        ctx.next();
    }

    boolean allows(String origin) {
        return exactOrigins.contains(origin) || originPatterns.stream().anyMatch(p -> p.matcher(origin).matches());
    }

    private static boolean isPattern(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }
}
