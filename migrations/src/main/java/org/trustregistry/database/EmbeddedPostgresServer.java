package org.trustregistry.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the zonky binaries, configured for keeping data rather than for
 * throwaway tests (STACK-NOTES traps 6, 7 and 9).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path data;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path data) {
        this.postgres = postgres;
        this.data = data;
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
                // Throwaway test databases skip the disk flushes, but a commit is still written out before
                // it is acknowledged (synchronous_commit on; with fsync off that costs no flush): a test that
                // kills PostgreSQL must not lose acknowledged commits, which the event store has already
                // handed to the projections.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "off");
            }
            EmbeddedPostgres postgres = builder.start();
            ownerOnly(data, binaries);
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
            return new EmbeddedPostgresServer(postgres, data);
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

    /** The process id of the running postmaster, if it is alive. */
    public java.util.OptionalLong pid() {
        return postmaster(data).map(h -> java.util.OptionalLong.of(h.pid())).orElse(java.util.OptionalLong.empty());
    }

    /** Whether the postmaster is alive (postmaster.pid names a running postgres). */
    public boolean isRunning() {
        return postmaster(data).isPresent();
    }

    /**
     * Starts PostgreSQL again after it died (killed, crashed): {@code pg_ctl restart} with the options
     * of the last start (postmaster.opts), on the same port and data; PostgreSQL recovers from its WAL.
     * Runs PostgreSQL the way zonky does (under {@code unshare -U} where that is available).
     */
    public synchronized void restart() throws IOException {
        if (isRunning()) {
            return;
        }
        List<String> options = Files.readAllLines(data.resolve("postmaster.opts"), StandardCharsets.UTF_8);
        String postgresBinary = options.isEmpty() ? "" : options.get(0).split(" ", 2)[0].replace("\"", "");
        Path pgCtl = Path.of(postgresBinary).resolveSibling("pg_ctl");
        if (!Files.isExecutable(pgCtl)) {
            throw new IOException("pg_ctl not found beside " + postgresBinary);
        }
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        // -l: the postmaster's output to a file, not to our pipe (which it would keep open for ever)
        Path logFile = data.resolveSibling("postgres-restarted.log");
        command.addAll(List.of(pgCtl.toString(), "-D", data.toString(), "-l", logFile.toString(), "-w", "-t", "60",
                "restart"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("pg_ctl restart failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while PostgreSQL restarted", e);
        }
        log.warn("Embedded PostgreSQL had stopped; restarted it on port {} ({})", port(), output);
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
     * The port of a PostgreSQL that is running on this data directory (a server using it now), from
     * postmaster.pid: a tool on the same data directory connects to it instead of starting its own.
     */
    public static java.util.OptionalInt runningPort(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        if (postmaster(data).isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() > 3 && lines.get(3).trim().matches("\\d{1,5}")
                    ? java.util.OptionalInt.of(Integer.parseInt(lines.get(3).trim()))
                    : java.util.OptionalInt.empty();
        } catch (IOException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The running postmaster that postmaster.pid names, if it is alive and a postgres. */
    private static Optional<ProcessHandle> postmaster(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * pg_ctl starts PostgreSQL as a daemon, so a server that was killed (kill -9) leaves its
     * PostgreSQL running and holding the data directory. Stop that one before starting ours.
     */
    private static void stopOrphanedPostmaster(Path data) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(data);
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
