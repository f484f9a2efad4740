package dev.accords.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Counts the SQL statements of the transaction attempt running on this thread (see
 * {@link TransactionAttempt}), so that a connection failure can be told to have come on the first
 * statement, before the connection had answered anything. Hibernate calls it for every statement it
 * prepares, native queries included; outside {@link StaleConnectionRetry} it does nothing. The SQL
 * passes unchanged.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Override
    public String inspect(String sql) {
        TransactionAttempt attempt = TransactionAttempt.current();
        if (attempt != null && attempt.countStatement()) {
            try {
                transaction.registerInterposedSynchronization(attempt);
            } catch (RuntimeException notActive) {
                // No transaction to watch (or it is already completing): never retry this attempt.
                attempt.assumeCommitBegan();
            }
        }
        return sql;
    }
}
