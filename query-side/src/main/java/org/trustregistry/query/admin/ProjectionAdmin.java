package org.trustregistry.query.admin;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The projections (streaming processors): where each stands, and rebuilding one from the event store. */
@Component
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);

    /** Where a projection stands against the event store. */
    public record ProjectionStatus(String name, long position, long head, long lag, boolean running,
                                   boolean replaying, boolean caughtUp, List<String> errors) {
    }

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;

    ProjectionAdmin(EventProcessingConfiguration processing, JdbcClient jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return processors().entrySet().stream()
                .map(e -> status(e.getKey(), e.getValue(), head))
                .sorted(Comparator.comparing(ProjectionStatus::name))
                .toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return Optional.ofNullable(processors().get(name)).map(p -> status(name, p, head()));
    }

    /**
     * Throws the projection's tables away and replays the whole event store into them: stops the
     * processor, resets its tokens (the projection's @ResetHandler empties its tables), starts it.
     */
    public boolean rebuild(String name) {
        StreamingEventProcessor processor = processors().get(name);
        if (processor == null) {
            return false;
        }
        log.info("Rebuilding projection {} from the event store", name);
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
        return true;
    }

    /**
     * Waits until every streaming processor (projections and the delegation cascade) has processed every
     * event appended so far, including those they appended themselves; false on time-out.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = head();
        while (System.nanoTime() < deadline) {
            long target = head;
            boolean all = streamingProcessors().values().stream()
                    .allMatch(p -> position(p) >= target && !p.isReplaying());
            if (all) {
                // processors may have appended events of their own meanwhile (the delegation cascade)
                long now = head();
                if (now == head) {
                    return true;
                }
                head = now;
                continue;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The global index of the last event in the store, -1 when it is empty. */
    public long head() {
        return jdbc.sql("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry").query(Long.class).single();
    }

    /** The projections: streaming processors that can be replayed (so not the delegation cascade). */
    private Map<String, StreamingEventProcessor> processors() {
        return streamingProcessors().entrySet().stream()
                .filter(e -> e.getValue().supportsReset())
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> (StreamingEventProcessor) e.getValue()));
    }

    private static ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        long position = position(processor);
        List<String> errors = segments.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(s -> "segment " + s.getSegment().getSegmentId() + ": " + s.getError())
                .toList();
        boolean replaying = processor.isReplaying();
        boolean caughtUp = !segments.isEmpty() && position >= head && !replaying;
        return new ProjectionStatus(name, position, head, Math.max(0, head - position), processor.isRunning(),
                replaying, caughtUp, errors);
    }

    /** The lowest position any segment has reached (-1 before the first event). */
    private static long position(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return -1;
        }
        return segments.values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.isPresent() ? p.getAsLong() : -1)
                .min()
                .orElse(-1);
    }
}
