package dev.accords.feed;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.accords.database.UnpooledConnections;

/**
 * Listens for {@code accords_events} notifications (sent by a trigger when a transaction that wrote
 * events commits, on any instance) on a connection of its own, outside the pool, and wakes the
 * feed's followers ({@link EventsCommitted}: the {@link EventStreams}, the webhook dispatcher). It
 * also wakes them once a second without a notification, so a notification
 * lost while the connection was down delays an event by a second at most, and it reconnects on its
 * own after a database outage.
 *
 * <p>A plain pgjdbc connection rather than the reactive client's subscriber: the service has no
 * reactive datasource, and this loop is the whole of it.
 */
@ApplicationScoped
public class EventNotifications {

    static final String CHANNEL = "accords_events";
    private static final Logger LOG = Logger.getLogger(EventNotifications.class);
    private static final int WAIT_MILLIS = 1000;

    @Inject
    EventStreams streams;
    /** Wakes every follower of the feed: the event streams and the webhook dispatcher. */
    @Inject
    Event<EventsCommitted> committed;
    @Inject
    UnpooledConnections connections;

    private volatile boolean running = true;
    private Thread closeStreamsOnSigterm;

    void start(@Observes StartupEvent started) {
        Thread listener = new Thread(this::listen, "accords-event-listener");
        listener.setDaemon(true);
        listener.start();
        // Runs as soon as SIGTERM arrives, before Quarkus waits for running requests (a stream is one).
        closeStreamsOnSigterm = new Thread(() -> {
            running = false;
            streams.closeAll();
        }, "accords-event-streams-close");
        Runtime.getRuntime().addShutdownHook(closeStreamsOnSigterm);
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(closeStreamsOnSigterm);
        } catch (IllegalStateException alreadyRunning) {
            // the JVM is exiting: the hook is doing its work
        }
    }

    private void listen() {
        boolean reported = false;
        while (running) {
            try (Connection connection = connections.open("accords-event-listener", 5, 15)) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                if (reported) {
                    LOG.info("Listening for event notifications again");
                }
                reported = false;
                wake();
                PGConnection notifications = connection.unwrap(PGConnection.class);
                for (int ticks = 1; running; ticks++) {
                    notifications.getNotifications(WAIT_MILLIS);
                    wake();
                    // A silent connection (a frozen server, a partition) is found within ~10 s.
                    if (ticks % 10 == 0 && !connection.isValid(2)) {
                        throw new SQLException("the notification connection stopped answering");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!reported) {
                    LOG.warnf("Event notifications interrupted (%s); streams are woken once a second until "
                            + "they are back", e.getMessage());
                    reported = true;
                }
                wake();
                sleep(WAIT_MILLIS);
            }
        }
    }

    private void wake() {
        committed.fire(new EventsCommitted());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
