package org.trustregistry.query.admin;

import java.time.Duration;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The projections (streaming processors): where each stands, rebuilding one, and waiting for them. */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    /** A waiter looks again at least this often: a failure, stop or rebuild changes what it waits for without a batch. */
    private static final long LOOK_AGAIN_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20);

    /** Where a projection stands against the event store, as {@code GET /v2/admin/projections} shows it. */
    public record ProjectionStatus(String name, ProjectionMonitor.State state, String reason, long position, long head,
                                   long lag, double lagSeconds, boolean running, boolean replaying, boolean caughtUp,
                                   ProjectionFailure failure, List<String> errors, long deadLetters) {

        static ProjectionStatus of(ProjectionMonitor.Health h) {
            return new ProjectionStatus(h.name(), h.state(), h.reason(), h.position(), h.head(), h.lag(),
                    h.lagSeconds(), h.running(), h.replaying(),
                    h.state() == ProjectionMonitor.State.UP_TO_DATE && !h.replaying(), h.failure(),
                    h.failure() == null ? List.of() : List.of(h.failure().error()), h.deadLetters());
        }
    }

    private final EventProcessingConfiguration processing;
    private final ProjectionEngine engine;
    private final ProjectionMonitor monitor;
    private final JdbcClient jdbc;
    private final ProjectionProgress progress;

    ProjectionAdmin(EventProcessingConfiguration processing, ProjectionEngine engine, ProjectionMonitor monitor,
                    JdbcClient jdbc, ProjectionProgress progress) {
        this.processing = processing;
        this.engine = engine;
        this.monitor = monitor;
        this.jdbc = jdbc;
        this.progress = progress;
    }

    public List<ProjectionStatus> statuses() {
        monitor.refresh();
        return monitor.health().stream().map(ProjectionStatus::of).toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        monitor.refresh();
        return monitor.health(name).map(ProjectionStatus::of);
    }

    /**
     * Throws the projection's tables away and replays the whole event store into them: the reads that
     * depend on it answer 503 from before its tables are emptied until it has caught up again (its
     * @ResetHandler empties its tables, in the transaction that sets it back to the start).
     */
    public boolean rebuild(String name) {
        if (engine.position(name).isEmpty()) {
            return false;
        }
        log.info("Rebuilding projection {} from the event store", name);
        monitor.beginRebuild(name);
        return engine.rebuild(name);
    }

    /** Retries a failing projection at once, instead of after its back-off (which grows to a minute). */
    public boolean restart(String name) {
        return engine.retryNow(name);
    }

    /**
     * Retries at once every projection that waits out a back-off, and restarts every other streaming
     * processor (the delegation cascade) that has stopped or is failing (for instance once the database is
     * back). One that cannot be started now is left for the next call.
     */
    public Restarted restartUnhealthy() {
        List<String> restarted = new ArrayList<>();
        for (String name : engine.waitingToRetry()) {
            engine.retryNow(name);
            restarted.add(name);
        }
        Map<String, StreamingEventProcessor> unhealthy = new java.util.TreeMap<>();
        streamingProcessors().forEach((name, processor) -> {
            if (!processor.isRunning()
                    || processor instanceof org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor pooled
                    && pooled.isError()) {
                unhealthy.put(name, processor);
            }
        });
        java.util.concurrent.CompletableFuture.allOf(unhealthy.values().stream()
                .map(StreamingEventProcessor::shutdownAsync)
                .toArray(java.util.concurrent.CompletableFuture[]::new)).join();
        List<String> notYet = new ArrayList<>();
        unhealthy.forEach((name, processor) -> {
            try {
                processor.start();
                restarted.add(name);
            } catch (RuntimeException e) {
                log.warn("Could not start processor {} again yet: {}", name, e.getMessage());
                notYet.add(name);
            }
        });
        streamingProcessors().forEach((name, processor) -> {
            if (!unhealthy.containsKey(name) && processor.isRunning()) {
                switch (reclaimReleased(name, processor)) {
                    case CLAIMED -> restarted.add(name);
                    case NOT_YET -> notYet.add(name);
                    case NOTHING_TO_DO -> { }
                }
            }
        });
        if (!restarted.isEmpty()) {
            log.info("Restarted {}", restarted);
        }
        return new Restarted(restarted, notYet);
    }

    private enum Reclaim { NOTHING_TO_DO, CLAIMED, NOT_YET }

    /**
     * A work package that failed (its handler could not reach the database) gives its segment up, and Axon
     * keeps the segment from being claimed again for a back-off that doubles up to a minute while the
     * processor reports neither an error nor a stop: such a segment is claimed back here at once. A segment
     * another node holds is not available to the claim and stays with it.
     */
    private Reclaim reclaimReleased(String name, StreamingEventProcessor processor) {
        Set<Integer> processing = processor.processingStatus().keySet();
        List<Integer> released = jdbc.sql("SELECT segment FROM token_entry WHERE processor_name = ? ORDER BY segment")
                .param(name).query(Integer.class).list().stream().filter(s -> !processing.contains(s)).toList();
        List<Integer> claimed = new ArrayList<>();
        for (int segment : released) {
            try {
                if (processor.claimSegment(segment).get(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    claimed.add(segment);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Reclaim.NOT_YET;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("Could not claim segment {} of {} again yet: {}", segment, name, e.getMessage());
                return Reclaim.NOT_YET;
            }
        }
        if (claimed.isEmpty()) {
            return Reclaim.NOTHING_TO_DO;
        }
        log.info("Claimed segments {} of {} again", claimed, name);
        return Reclaim.CLAIMED;
    }

    /** What {@link #restartUnhealthy()} did: the processors started again, and those that could not be yet. */
    public record Restarted(List<String> started, List<String> notYet) {
    }

    /**
     * Waits until every streaming processor (projections and the delegation cascade) has processed every
     * event appended so far, including those they appended themselves; false on time-out.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = head();
        while (System.nanoTime() < deadline) {
            long seen = progress.generation();
            long target = head;
            boolean all = engine.isRunning()
                    && engine.names().stream().allMatch(n -> engine.position(n).orElse(Positions.NONE) >= target)
                    && streamingProcessors().values().stream().allMatch(p -> processedAll(p, target));
            if (all) {
                // processors may have appended events of their own meanwhile (the delegation cascade)
                long now = head();
                if (now == head) {
                    return true;
                }
                head = now;
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left > 0 && !progress.awaitAfter(seen, Math.min(left, LOOK_AGAIN_NANOS))) {
                return false;
            }
        }
        return false;
    }

    /**
     * Read-your-writes: waits until every projection that can still make progress has processed these
     * events (a request's own), and the events the delegation cascade appended in answer to them (those
     * carrying the request's id). A projection that is failing, stopped or being rebuilt is not waited
     * for. Returns the processors that had not processed them when it gave up.
     */
    public Set<String> awaitProcessed(Collection<Long> positions, String requestId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> own = new ArrayList<>(positions);
        long last = own.stream().mapToLong(Long::longValue).max().orElse(Positions.NONE);
        while (true) {
            long seen = progress.generation();
            Set<String> behind = behind(own);
            if (behind.isEmpty()) {
                List<Long> followUps = requestId == null ? List.of() : causedBy(requestId, last);
                if (followUps.isEmpty()) {
                    return Set.of();
                }
                own.addAll(followUps);
                last = followUps.get(followUps.size() - 1);
                continue;
            }
            Set<String> waitable = behind.stream().filter(this::canProgress).collect(Collectors.toSet());
            long left = deadline - System.nanoTime();
            if (waitable.isEmpty() || left <= 0 || !progress.awaitAfter(seen, Math.min(left, LOOK_AGAIN_NANOS))) {
                return new TreeSet<>(behind);
            }
        }
    }

    /** The global index of the last event in the store, -1 when it is empty. */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry").query(Long.class).single();
    }

    private Set<String> behind(List<Long> positions) {
        long last = positions.stream().mapToLong(Long::longValue).max().orElse(Positions.NONE);
        Set<String> behind = new java.util.HashSet<>();
        // a projection's position covers every event up to it (the stream is gapless below where it reads)
        engine.names().stream().filter(n -> engine.position(n).orElse(Positions.NONE) < last).forEach(behind::add);
        streamingProcessors().entrySet().stream()
                .filter(e -> Positions.token(e.getValue().processingStatus())
                        .map(token -> !Positions.covers(token, positions)).orElse(true))
                .map(Map.Entry::getKey)
                .forEach(behind::add);
        return behind;
    }

    /** Every event in the store up to {@code head} processed: seen, and none of its gaps is an event after all. */
    private boolean processedAll(StreamingEventProcessor processor, long head) {
        if (processor.isReplaying()) {
            return false;
        }
        return Positions.token(processor.processingStatus()).map(token -> {
            if (Positions.index(token) < head) {
                return false;
            }
            var gaps = Positions.gaps(token);
            return gaps.isEmpty() || jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM domain_event_entry "
                            + "WHERE global_index = ANY(CAST(? AS bigint[])))")
                    .param(gaps.toArray(Long[]::new)).query(Boolean.class).single();
        }).orElse(false);
    }

    private boolean canProgress(String name) {
        Optional<ProjectionMonitor.Health> health = monitor.health(name);
        if (health.isEmpty()) {
            // the delegation cascade: it makes progress unless its processor is in trouble
            StreamingEventProcessor processor = streamingProcessors().get(name);
            return processor != null && processor.isRunning()
                    && !(processor instanceof org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor p
                    && p.isError());
        }
        ProjectionMonitor.State state = health.get().state();
        return state != ProjectionMonitor.State.FAILING && state != ProjectionMonitor.State.STOPPED
                && state != ProjectionMonitor.State.REBUILDING;
    }

    /** The events after {@code after} that the request caused (the cascade carries its request id on), in order. */
    private List<Long> causedBy(String requestId, long after) {
        return jdbc.sql("SELECT global_index FROM domain_event_entry WHERE global_index > ? "
                        + "AND convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ? ORDER BY global_index")
                .params(after, requestId).query(Long.class).list();
    }

    /**
     * Axon's own streaming processors (the delegation cascade; the projections are the engine's), worked out
     * once Axon has made them: it keeps the same ones.
     */
    private Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> known = streaming;
        if (known == null) {
            known = Map.copyOf(processing.eventProcessors().entrySet().stream()
                    .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> (StreamingEventProcessor) e.getValue())));
            if (!known.isEmpty()) {
                streaming = known;
            }
        }
        return known;
    }

    private volatile Map<String, StreamingEventProcessor> streaming;

}
