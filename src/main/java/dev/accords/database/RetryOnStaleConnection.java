package dev.accords.database;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

/**
 * Wraps every {@code @Transactional} (REQUIRED) method in {@link StaleConnectionRetry}, just outside
 * the transaction interceptor (Narayana's runs at priority 200), so that one attempt is exactly one
 * transaction, begun and ended (rolled back) inside.
 *
 * <p>Why at the transaction boundary of the services, and not elsewhere:
 * <ul>
 * <li>It is where "nothing was committed" can be known: the attempt is one transaction, and the
 * attempt records its statements and the start of its commit.</li>
 * <li>A service method takes parsed, immutable arguments and keeps all its effects in its
 * transaction, so running it again repeats only database work that was rolled back. The request's
 * body, headers and filters are handled once.</li>
 * <li>Not at the JAX-RS layer: a request may run more than one transaction (an idempotent POST's key
 * and change share one, but a resource could read in one and write in another), and retrying the
 * whole request after one of them committed would repeat a write; its body stream is consumed too.</li>
 * <li>Not SmallRye Fault Tolerance's {@code @Retry}: it would annotate every service method, and it
 * cannot tell a connection that was dead before the first statement from one lost during COMMIT.</li>
 * </ul>
 */
@Interceptor
@Transactional
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 199)
public class RetryOnStaleConnection {

    @Inject
    StaleConnectionRetry retry;

    @AroundInvoke
    Object aroundTransaction(InvocationContext invocation) throws Exception {
        return retry.call(invocation::proceed);
    }
}
