package dev.accords.database;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Runs a transaction once more when its connection turned out to be dead before anything was sent
 * on it: what validating every connection as it left the pool used to prevent, at the price of a
 * round trip to PostgreSQL per request. Pooled connections are now validated in the background
 * only, so after a database restart a transaction can still pick up a connection whose server is
 * gone; its first statement then fails at once, and this runs it again on another connection.
 *
 * <p>Run again only when all of these hold, each of which makes the second run safe:
 * <ul>
 * <li>the transaction is the outermost one (none was active when it began): the attempt is the whole
 * transaction, and it was rolled back as a whole. A call that joins its caller's transaction is left
 * to the caller's boundary;</li>
 * <li>its commit had not begun ({@link TransactionAttempt}): a connection lost while COMMIT is on its
 * way leaves the outcome unknown, and running the work again could apply it twice;</li>
 * <li>the failure came on the first statement of the transaction (none had been answered on that
 * connection, so it was dead before this transaction used it) and says the connection was gone
 * ({@link StaleConnections}); a timeout, a refused connection or a full pool are never retried;</li>
 * <li>it is the first run: at most one retry, so a request that meets an outage waits at most twice
 * for a dead connection's immediate failure, never twice for a timeout.</li>
 * </ul>
 * Before the second run the pool is asked to validate its idle connections (asynchronously): where
 * one connection died with its server, the others usually did too.
 *
 * <p>{@link RetryOnStaleConnection} applies this to every {@code @Transactional} method; code that
 * starts a transaction programmatically wraps itself in {@link #get}, e.g.
 * {@code retry.get(() -> QuarkusTransaction.requiringNew().call(() -> ...))}.
 */
@ApplicationScoped
public class StaleConnectionRetry {

    private static final Logger LOG = Logger.getLogger(StaleConnectionRetry.class);

    @Inject
    TransactionManager transactions;
    @Inject
    AgroalDataSource dataSource;

    /** Runs {@code transaction}, which must begin and end its own transaction, retrying it once as described above. */
    public <T> T call(Callable<T> transaction) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return transaction.call();
        }
        TransactionAttempt attempt = TransactionAttempt.begin();
        try {
            return transaction.call();
        } catch (Exception failure) {
            if (attempt.commitBegan() || attempt.statements() > 1 || !StaleConnections.brokenBeforeUse(failure)) {
                throw failure;
            }
            LOG.infof("A pooled connection was found closed on the first statement of a transaction (%s); "
                    + "running the transaction once more on another connection", StaleConnections.rootMessage(failure));
        } finally {
            TransactionAttempt.end();
        }
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        return transaction.call();
    }

    /** {@link #call} for a transaction begun programmatically (QuarkusTransaction), which throws no checked exception. */
    public <T> T get(Supplier<T> transaction) {
        try {
            return call(transaction::get);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Only the transaction manager's status query declares one (SystemException).
            throw new IllegalStateException(e);
        }
    }
}
