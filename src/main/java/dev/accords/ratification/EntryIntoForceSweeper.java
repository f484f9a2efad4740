package dev.accords.ratification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Moves SIGNED agreements whose entry-into-force date has come to IN_FORCE, every
 * {@code accords.ratification.sweep-interval}, on every instance. The search for due agreements is one
 * plain JDBC statement over a partial index (not a Hibernate query: it runs every interval, and
 * StatementCountTest counts Hibernate's statements); each due agreement then enters into force in its
 * own transaction under its row lock ({@link EntryIntoForce#enterIfDue}), so two instances sweeping
 * at once write the status event once.
 */
@ApplicationScoped
public class EntryIntoForceSweeper {

    private static final Logger LOG = Logger.getLogger(EntryIntoForceSweeper.class);
    /** At most this many per turn; the rest wait for the next one. */
    private static final int BATCH = 100;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntryIntoForce entryIntoForce;

    @Scheduled(identity = "accords-entry-into-force", every = "${accords.ratification.sweep-interval}",
            delayed = "${accords.ratification.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<UUID> due;
        try {
            due = due(today);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not look for agreements due to enter into force (%s); trying again next turn", e.getMessage());
            return;
        }
        for (UUID agreementId : due) {
            try {
                entryIntoForce.enterIfDue(agreementId, today);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Agreement %s did not enter into force this turn; trying again next turn", agreementId);
            }
        }
    }

    private List<UUID> due(LocalDate today) throws SQLException {
        List<UUID> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select id from agreements where status = 'SIGNED' and entry_into_force_date is not null
                       and entry_into_force_date <= ? order by entry_into_force_date, id limit ?""")) {
            select.setObject(1, today);
            select.setInt(2, BATCH);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return due;
    }
}
