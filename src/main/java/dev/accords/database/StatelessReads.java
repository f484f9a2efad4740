package dev.accords.database;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Runs a read that is one SQL statement without a JTA transaction: in a stateless session of its
 * own, on an autocommit connection, mapping rows straight into the API's records. A single
 * statement already sees one snapshot, so a transaction around it would only add BEGIN, COMMIT and
 * the transaction manager's work, and a managed session would add entity hydration and a flush-time
 * dirty check of entities nobody changes. Reads of more than one statement that must agree use a
 * read-only transaction instead (see the report).
 *
 * <p>Like {@link StaleConnectionRetry} for transactions, a read whose connection turned out to be
 * closed by a restarted server runs once more on another connection. Always safe here: the read
 * changed nothing, and its one statement got no answer.
 */
@ApplicationScoped
public class StatelessReads {

    private static final Logger LOG = Logger.getLogger(StatelessReads.class);

    @Inject
    SessionFactory sessionFactory;
    @Inject
    AgroalDataSource dataSource;

    /** Runs {@code read}, which must send at most one statement, and returns what it mapped. */
    public <T> T read(Function<StatelessSession, T> read) {
        try {
            return once(read);
        } catch (RuntimeException failure) {
            if (!StaleConnections.brokenBeforeUse(failure)) {
                throw failure;
            }
            LOG.infof("A pooled connection was found closed by a single-statement read (%s); reading once more "
                    + "on another connection", StaleConnections.rootMessage(failure));
        }
        dataSource.flush(AgroalDataSource.FlushMode.INVALID);
        return once(read);
    }

    private <T> T once(Function<StatelessSession, T> read) {
        try (StatelessSession session = sessionFactory.openStatelessSession()) {
            return read.apply(session);
        }
    }
}
