package dev.accords.database;

import jakarta.transaction.Synchronization;

/**
 * What one attempt at a transaction has done so far, as far as running it again is concerned: how
 * many SQL statements it prepared, and whether its commit began. Kept per thread by
 * {@link StaleConnectionRetry} around the outermost transaction of a call (JDBC work runs on the
 * calling thread), counted by {@link StatementCounter}, and told of the commit as a JTA
 * {@link Synchronization}: every {@code beforeCompletion} runs before the transaction manager sends
 * COMMIT, so once COMMIT may have been sent, {@link #commitBegan} is already true.
 */
final class TransactionAttempt implements Synchronization {

    private static final ThreadLocal<TransactionAttempt> CURRENT = new ThreadLocal<>();

    private int statements;
    private volatile boolean commitBegan;

    static TransactionAttempt begin() {
        TransactionAttempt attempt = new TransactionAttempt();
        CURRENT.set(attempt);
        return attempt;
    }

    static void end() {
        CURRENT.remove();
    }

    /** The attempt running on this thread, or null outside {@link StaleConnectionRetry}. */
    static TransactionAttempt current() {
        return CURRENT.get();
    }

    /** Counts a statement; returns true for the first one of the attempt. */
    boolean countStatement() {
        return statements++ == 0;
    }

    int statements() {
        return statements;
    }

    boolean commitBegan() {
        return commitBegan;
    }

    /** For when the attempt's end cannot be observed: treated as if its commit had begun, never retried. */
    void assumeCommitBegan() {
        commitBegan = true;
    }

    @Override
    public void beforeCompletion() {
        commitBegan = true;
    }

    @Override
    public void afterCompletion(int status) {
        // The outcome is read from the exception, if any; nothing to do here.
    }
}
