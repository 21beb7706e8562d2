package org.trustregistry.query.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watches every projection: where it stands against the event store, how far behind (in events and in
 * time), whether it is failing, stopped or being rebuilt. Reads that decide trust ask it before they
 * answer ({@link FailClosed}); readiness, metrics and {@code GET /v2/admin/projections} show it.
 * <p>
 * The store is asked a few times a second on a thread of its own (the head, and the age of the first
 * event each projection has not processed), so a trust read costs no extra query; when nothing happens
 * (no batch processed, nothing behind) every 2 s (at most half the lag bound). What must not wait
 * for that — a failure, a rebuild — is seen at once. A view older than the lag bound (the store did not
 * answer) counts as not knowing, and not knowing is not up to date.
 */
@Component
public class ProjectionMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMonitor.class);

    /** How a projection stands; only the first two let trust reads answer from it. */
    public enum State {
        UP_TO_DATE, CATCHING_UP, BEHIND, REBUILDING, FAILING, STOPPED, UNKNOWN;

        public boolean servesTrustReads() {
            return this == UP_TO_DATE || this == CATCHING_UP;
        }
    }

    /**
     * One projection's standing.
     *
     * @param position    every event up to this global index is processed
     * @param head        the last global index in the store, when last looked
     * @param lag         events in the store after {@code position}
     * @param lagSeconds  how long the oldest of them has been waiting (0 when none)
     * @param failure     the event it fails on, if it does
     * @param deadLetters events parked in its dead-letter queue (projections that have one)
     */
    public record Health(String name, State state, String reason, long position, long head, long lag,
                         double lagSeconds, boolean running, boolean replaying, ProjectionFailure failure,
                         long deadLetters, Instant checkedAt) {
    }

    /** Whether some projections may serve a trust read now, and the store position they reflect at least. */
    public record Availability(boolean available, long position, List<Health> unavailable) {
    }

    /** What the store said at {@code takenAt}: per projection, processed-up-to and since when something waits. */
    private record View(Instant takenAt, long head, Map<String, Long> positions, Map<String, Long> waitingSince,
                        Map<String, Long> deadLetters) {
        static final View NONE = new View(Instant.EPOCH, Positions.NONE, Map.of(), Map.of(), Map.of());
    }

    private final EventProcessingConfiguration processing;
    private final ProjectionEngine engine;
    private final ProjectionFailureRecorder failures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration maxLag;
    private final Duration interval;
    private final Map<String, AtomicLong> rebuildGenerations = new ConcurrentHashMap<>();
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private volatile View view = View.NONE;
    private volatile ScheduledExecutorService refresher;
    private volatile boolean failing;
    private static final Duration IDLE_REFRESH = Duration.ofSeconds(2);
    private final ProjectionProgress progress;
    private final java.util.List<InMemoryCopy> copies;
    private long lastGeneration = -1;
    private long lastRefresh;

    ProjectionMonitor(EventProcessingConfiguration processing, ProjectionEngine engine,
                      ProjectionFailureRecorder failures, ProjectionProgress progress, JdbcClient jdbc,
                      Clock clock, @Value("${trust-registry.projections.max-lag:PT5S}") Duration maxLag,
                      @Value("${trust-registry.projections.monitor-interval:PT0.5S}") Duration interval,
                      java.util.List<InMemoryCopy> copies) {
        this.copies = java.util.List.copyOf(copies);
        this.processing = processing;
        this.engine = engine;
        this.failures = failures;
        this.progress = progress;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLag = maxLag;
        this.interval = interval;
    }

    /** How far behind the store a trust read may be answered from ({@code trust-registry.projections.max-lag}). */
    public Duration maxLag() {
        return maxLag;
    }

    public List<Health> health() {
        return engine.names().stream().map(this::health).flatMap(Optional::stream)
                .sorted(Comparator.comparing(Health::name)).toList();
    }

    public Optional<Health> health(String name) {
        return engine.position(name).map(position -> health(name, position, view));
    }

    /**
     * Whether the named projections may answer a trust read now: each up to date or catching up within
     * the lag bound. {@code position} is a lower bound of what the answer reflects: every event up to it
     * is in what they read.
     */
    public Availability availability(Collection<String> names) {
        View current = view;
        long position = Long.MAX_VALUE;
        List<Health> unavailable = new java.util.ArrayList<>();
        for (String name : names) {
            Health health = health(name, engine.position(name)
                    .orElseThrow(() -> new IllegalArgumentException("No projection " + name)), current);
            if (!health.state().servesTrustReads()) {
                unavailable.add(health);
            }
            position = Math.min(position, health.position());
        }
        return new Availability(unavailable.isEmpty(), position == Long.MAX_VALUE ? Positions.NONE : position,
                unavailable);
    }

    /** Changes every time a rebuild of the projection begins (a read compares it before and after). */
    public long rebuildGeneration(String name) {
        return rebuildGenerations.computeIfAbsent(name, n -> new AtomicLong()).get();
    }

    /** Called before a rebuild empties the projection's tables: from now until it has caught up, it serves nothing. */
    void beginRebuild(String name) {
        rebuilding.add(name);
        rebuildGenerations.computeIfAbsent(name, n -> new AtomicLong()).incrementAndGet();
        failures.clear(name);
    }

    private String copyFault(String name) {
        for (InMemoryCopy copy : copies) {
            if (copy.projection().equals(name) && copy.fault().isPresent()) {
                return copy.fault().get();
            }
        }
        return null;
    }

    private Health health(String name, long position, View current) {
        Instant now = clock.instant();
        boolean replaying = engine.catchingUp(name);
        boolean running = engine.isRunning();
        long head = Math.max(current.head(), position);
        long lag = Math.max(0, head - position);
        Long waitingSince = current.waitingSince().get(name);
        double lagSeconds = waitingSince == null || lag == 0 ? 0
                : Math.max(0, now.toEpochMilli() - waitingSince) / 1000.0;
        ProjectionFailure failure = failures.failure(name).orElse(null);
        boolean coordinatorFailing = engine.retrying(name);
        String copyFault = copyFault(name);
        State state;
        String reason;
        if (rebuilding.contains(name)) {
            state = State.REBUILDING;
            reason = "being rebuilt from the event store";
        } else if (!running) {
            state = State.STOPPED;
            reason = "not running";
        } else if (copyFault != null) {
            state = State.FAILING;
            reason = "its in-memory copy is wrong (" + copyFault + "): rebuild it";
        } else if (failure != null || coordinatorFailing) {
            state = State.FAILING;
            reason = failure == null ? "it is retrying after an error"
                    : "fails on event " + (failure.position() == null ? failure.eventId() : failure.position())
                            + ": " + failure.error();
        } else if (Duration.between(current.takenAt(), now).compareTo(maxLag) > 0) {
            state = State.UNKNOWN;
            reason = "the event store has not answered since " + current.takenAt();
        } else if (lag == 0) {
            state = State.UP_TO_DATE;
            reason = "up to date";
        } else if (lagSeconds * 1000 > maxLag.toMillis() || replaying) {
            state = State.BEHIND;
            reason = replaying ? "replaying the event store" : lag + " events behind, the oldest waiting "
                    + lagSeconds + " s (more than " + maxLag.toSeconds() + " s)";
        } else {
            state = State.CATCHING_UP;
            reason = lag + " events behind, within " + maxLag.toSeconds() + " s";
        }
        return new Health(name, state, reason, position, head, lag, lagSeconds, running, replaying,
                failure, current.deadLetters().getOrDefault(name, 0L), current.takenAt());
    }

    /**
     * Reads the store: its head, and for each projection since when the first event it has not processed
     * waits. Positions need no help from the store: below the stable head the stream is gapless, so a
     * projection's position says it has every event up to it.
     */
    public void refresh() {
        Map<String, Long> positions = new HashMap<>();
        for (String name : engine.names()) {
            engine.position(name).ifPresent(position -> positions.put(name, position));
        }
        java.util.TreeSet<Long> indexes = new java.util.TreeSet<>(positions.values());
        Map<Long, Long> nextAfter = new HashMap<>();
        long[] head = {Positions.NONE};
        jdbc.sql("SELECT 'next', p.i, e.time_stamp FROM unnest(CAST(:indexes AS bigint[])) p(i) "
                        + "JOIN LATERAL (SELECT time_stamp FROM domain_event_entry WHERE global_index > p.i "
                        + "ORDER BY global_index LIMIT 1) e ON true "
                        + "UNION ALL SELECT 'head', COALESCE(MAX(global_index), -1), NULL FROM domain_event_entry")
                .param("indexes", indexes.toArray(Long[]::new))
                .query(rs -> {
                    if ("head".equals(rs.getString(1))) {
                        head[0] = rs.getLong(2);
                    } else {
                        Long at = epochMillis(rs.getString(3));
                        nextAfter.put(rs.getLong(2), at == null ? -1 : at);
                    }
                });
        Map<String, Long> waitingSince = new HashMap<>();
        Map<String, Long> deadLetters = new HashMap<>();
        positions.forEach((name, position) -> {
            failures.refresh(name, position);
            Long since = nextAfter.containsKey(position) && nextAfter.get(position) >= 0 ? nextAfter.get(position) : null;
            if (since != null) {
                waitingSince.put(name, since);
            }
            if (rebuilding.contains(name) && engine.isRunning() && !engine.catchingUp(name)
                    // not clock.millis(): on JDK 17 a Clock.tick of less than a millisecond (ours: 1 µs) divides
                    // by zero there (Clock.TickClock.millis), which made a rebuild request answer 500
                    && (since == null || clock.instant().toEpochMilli() - since <= maxLag.toMillis())) {
                rebuilding.remove(name);
                log.info("Projection {} is rebuilt, at position {}", name, position);
            }
            processing.deadLetterQueue(name).ifPresent(queue -> deadLetters.put(name, queue.size()));
        });
        view = new View(clock.instant(), head[0], positions, waitingSince, deadLetters);
    }

    private static Long epochMillis(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "projection-monitor");
            thread.setDaemon(true);
            return thread;
        });
        // idle (no batch since the last look, nothing behind), every few ticks is enough: the view stays well
        // within the lag bound, and a batch or a projection behind brings the fast pace back
        long idleNanos = Math.min(IDLE_REFRESH.toNanos(), maxLag.toNanos() / 2);
        executor.scheduleWithFixedDelay(() -> {
            try {
                long generation = progress.generation();
                View seen = view;
                boolean quiet = generation == lastGeneration && !failing && System.nanoTime() - lastRefresh < idleNanos
                        && seen.positions().values().stream().allMatch(p -> p >= seen.head());
                if (quiet) {
                    return;
                }
                lastGeneration = generation;
                lastRefresh = System.nanoTime();
                refresh();
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Projection monitor could not read the event store; trust reads refuse until it can", e);
                }
                failing = true;
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        refresher = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = refresher;
        if (executor != null) {
            executor.shutdownNow();
        }
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
