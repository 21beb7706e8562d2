package org.trustregistry.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the zonky binaries, configured for keeping data rather than for
 * throwaway tests (STACK-NOTES traps 6, 7 and 9).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDirectory, DatabaseProperties.Embedded settings) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path binaries = data.getParent().resolve("postgres-binaries");
        try {
            OwnerOnly.createDirectories(data);
            stopOrphanedPostmaster(data);
            ownerOnly(data, binaries);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(settings.clean())
                    // The binaries are unpacked beside the data, not in a folder of the system temp
                    // directory shared with every other user of the machine.
                    .setOverrideWorkingDirectory(binaries.toFile())
                    // Spring closes this bean after the event processors have released their
                    // connections; zonky's own hook would stop PostgreSQL under them.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setPort(settings.port());
            if (settings.durable()) {
                // zonky passes -F (fsync off) and synchronous_commit=off: fine for tests, data loss for us.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            ownerOnly(data, binaries);
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseStartException(data, e);
        }
    }

    /**
     * The data directory, the database and the binaries owner-only: zonky unpacks the binaries (and keeps
     * their folder) world-writable, initdb makes only the database 0700. Before the start for what an
     * earlier run left, after it for what zonky has just unpacked.
     */
    private static void ownerOnly(Path data, Path binaries) throws IOException {
        OwnerOnly.restrictDirectory(data.getParent());
        OwnerOnly.restrict(binaries);
        OwnerOnly.restrict(data);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        log.info("Embedded PostgreSQL stopped");
    }

    /**
     * pg_ctl starts PostgreSQL as a daemon, so a server that was killed (kill -9) leaves its
     * PostgreSQL running and holding the data directory. Stop that one before starting ours.
     */
    private static void stopOrphanedPostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                .findFirst()
                .map(String::trim)
                .filter(line -> line.matches("\\d+"))
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle handle = postmaster.get();
        log.warn("A PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it", handle.pid(), data);
        handle.destroy(); // SIGTERM: smart shutdown, the old clients are gone
        try {
            handle.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("PostgreSQL pid " + handle.pid() + " left by an earlier run did not stop; "
                    + "stop it by hand and start again", e);
        }
    }
}
