package org.trustregistry.server.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.trustregistry.database.EmbeddedPostgresServer;
import org.trustregistry.query.admin.ProjectionAdmin;
import org.trustregistry.query.admin.ProjectionMonitor;

/**
 * Knows, within a second or so, whether the database answers: it asks a trivial question every
 * {@code trust-registry.db.check-interval} on a connection of its own (not the pool's, which a frozen
 * server could exhaust), with a one-second bound. Requests are refused at once (503) while it is
 * down, readiness says so, and when it answers again the projections that failed meanwhile are
 * restarted at once instead of after Axon's back-off (up to a minute).
 * <p>
 * The embedded PostgreSQL is restarted when its postmaster has died (PostgreSQL recovers from its
 * WAL); if that keeps failing for {@code trust-registry.db.embedded.restart-give-up}, the server exits
 * with status 70, so that a supervisor restarts the whole thing instead of it serving 503s for ever.
 */
@Component
public class DatabaseMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMonitor.class);
    static final int EXIT_DATABASE_LOST = 70;

    /** Whether the database answered the last question, since when, and what went wrong if not. */
    public record State(boolean up, Instant since, String problem) {
    }

    private final DataSource dataSource;
    private final ObjectProvider<EmbeddedPostgresServer> embedded;
    private final ObjectProvider<ProjectionAdmin> projections;
    private final ObjectProvider<ProjectionMonitor> projectionMonitor;
    private final ApplicationContext context;
    private final Clock clock;
    private final Duration interval;
    private final Duration giveUp;
    private volatile State state;
    private volatile Connection connection;
    private volatile ScheduledExecutorService checker;
    private Instant restartFailingSince;

    DatabaseMonitor(DataSource dataSource, ObjectProvider<EmbeddedPostgresServer> embedded,
                    ObjectProvider<ProjectionAdmin> projections, ObjectProvider<ProjectionMonitor> projectionMonitor,
                    ApplicationContext context, Clock clock,
                    @Value("${trust-registry.db.check-interval:PT0.5S}") Duration interval,
                    @Value("${trust-registry.db.embedded.restart-give-up:PT60S}") Duration giveUp) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.projections = projections;
        this.projectionMonitor = projectionMonitor;
        this.context = context;
        this.clock = clock;
        this.interval = interval;
        this.giveUp = giveUp;
        this.state = new State(true, clock.instant(), null);
    }

    public State state() {
        return state;
    }

    public boolean isUp() {
        return state.up();
    }

    void check() {
        try {
            ask();
            if (!state.up()) {
                log.warn("The database answers again (it did not since {})", state.since());
                if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
                    // the pool's connections may be dead (the server restarted): new ones for every request
                    hikari.getHikariPoolMXBean().softEvictConnections();
                }
                state = new State(true, clock.instant(), null);
                Thread restart = new Thread(this::restartProjections, "projection-restart");
                restart.setDaemon(true);
                restart.start();
            }
            restartFailingSince = null;
        } catch (SQLException | RuntimeException e) {
            close();
            if (state.up()) {
                log.error("The database does not answer: {}; requests are refused (503) until it does", e.getMessage());
                state = new State(false, clock.instant(), e.getMessage());
            }
            restartEmbeddedIfDead();
        }
    }

    /**
     * The processors that failed during the outage are started again at once (Axon's own back-off grows to
     * a minute), and again until a look finds nothing left to restart: a handler that was still waiting for
     * the dead database when the first look came may fail only after it. The projection monitor is told at
     * once.
     */
    private void restartProjections() {
        for (long pause : new long[] {0, 250, 500, 1000, 2000, 4000, 8000}) {
            try {
                Thread.sleep(pause);
                ProjectionAdmin.Restarted restarted = projections.getObject().restartUnhealthy();
                projectionMonitor.getObject().refresh();
                if (restarted.started().isEmpty() && restarted.notYet().isEmpty()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not restart the projections yet after the database came back: {}", e.getMessage());
            }
        }
    }

    private void ask() throws SQLException {
        Connection current = connection;
        if (current == null) {
            current = connect();
            connection = current;
        }
        try (Statement statement = current.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private Connection connect() throws SQLException {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            try (Connection pooled = dataSource.getConnection()) {
                throw new SQLException("not a pool this monitor can open its own connection to: " + pooled);
            }
        }
        Properties properties = new Properties();
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("loginTimeout", "1");
        properties.setProperty("socketTimeout", "1");
        properties.setProperty("ApplicationName", "trust-registry database monitor");
        return DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    }

    private void restartEmbeddedIfDead() {
        EmbeddedPostgresServer server = embedded.getIfAvailable();
        if (server == null || server.isRunning()) {
            return;
        }
        Instant now = clock.instant();
        if (restartFailingSince == null) {
            restartFailingSince = now;
        }
        try {
            log.error("The embedded PostgreSQL has died; starting it again");
            server.restart();
        } catch (Exception e) {
            log.error("Could not restart the embedded PostgreSQL: {}", e.getMessage());
            if (Duration.between(restartFailingSince, now).compareTo(giveUp) > 0) {
                log.error("The embedded PostgreSQL could not be restarted for {}; exiting with status {} so that a "
                        + "supervisor starts the server again", giveUp, EXIT_DATABASE_LOST);
                new Thread(() -> System.exit(SpringApplication.exit(context, () -> EXIT_DATABASE_LOST)), "exit")
                        .start();
            }
        }
    }

    private void close() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "database-monitor");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        checker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = checker;
        checker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        close();
    }

    @Override
    public boolean isRunning() {
        return checker != null;
    }
}
