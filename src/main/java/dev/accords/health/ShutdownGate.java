package dev.accords.health;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.accords.problem.Problem;
import dev.accords.problem.ProblemCode;
import dev.accords.problem.ProblemResponses;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * From the moment the process is asked to stop (SIGTERM), API requests that have not started yet
 * are refused with a 503 problem, {@code Retry-After} and {@code Connection: close}, and readiness
 * reports DOWN; requests already running finish (Quarkus waits for them, up to
 * {@code quarkus.shutdown.timeout}).
 *
 * <p>Without it Quarkus keeps accepting new requests while it waits for the running ones, so under
 * steady traffic the wait lasts until a quiet moment, and a request that arrives just as the wait
 * ends can be processed (its write committed) while the server closes its connection: the client
 * sees no answer for a write that happened. The graceful-shutdown test saw exactly that.
 */
@Singleton
@Readiness
public class ShutdownGate implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    private static volatile boolean stopping;

    void register(@Observes Router router) {
        // A JVM shutdown hook runs as soon as SIGTERM arrives, alongside Quarkus' own, before it waits
        // for running requests.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            LOG.info("Shutting down: new API requests are refused with 503, running ones finish");
        }, "accords-shutdown-gate"));
        // After RequestIds (Integer.MIN_VALUE), so refusals carry the request id too.
        router.route("/v1/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            if (!stopping) {
                ctx.next();
                return;
            }
            Problem problem = ProblemResponses.problem(ProblemCode.SERVICE_UNAVAILABLE,
                    "this instance is shutting down; retry shortly", ctx.request().path());
            ctx.response().setStatusCode(503)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", ProblemResponses.RETRY_AFTER_SECONDS)
                    .putHeader("Connection", "close")
                    .end(Json.encode(problem));
        });
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting-requests").status(!stopping).build();
    }
}
