package org.trustregistry.server.refusals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.trustregistry.events.access.AccessRefusalsSummarised;
import org.trustregistry.events.access.AccessRefused;
import org.trustregistry.events.access.RefusalKind;
import org.trustregistry.shared.MessageMetadata;

/**
 * Records refused requests as events ({@link AccessRefused}, {@link AccessRefusalsSummarised}) within a
 * budget ({@link RefusalBudget}), written by a {@link RefusalWriter} of its own: the request thread only
 * counts and queues. What can be lost: refusals still queued, and the counts of the open window, when the
 * process dies (at shutdown the window is closed and the queue written, for a few seconds at most); while
 * the store does not answer, refusals beyond the queue are counted into their window's summary, and
 * summaries that find the queue full are only logged.
 */
@Component
public class RefusalAudit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final RefusalAuditSettings configured;
    private final Clock clock;
    private final RefusalBudget budget;
    private final RefusalWriter writer;
    private final LongAdder ended = new LongAdder();
    private volatile RefusalAuditSettings settings;
    private ScheduledExecutorService ticker;

    RefusalAudit(EventBus eventBus, TransactionManager transactions, Clock clock,
                 @Value("${trust-registry.audit.refusals.window:PT1M}") Duration window,
                 @Value("${trust-registry.audit.refusals.stored-per-source:20}") int storedPerSource,
                 @Value("${trust-registry.audit.refusals.stored-per-window:200}") int storedPerWindow,
                 @Value("${trust-registry.audit.refusals.tracked-sources:1000}") int trackedSources,
                 @Value("${trust-registry.audit.refusals.queue-capacity:1000}") int queueCapacity) {
        this.configured = new RefusalAuditSettings(window, storedPerSource, storedPerWindow, trackedSources,
                queueCapacity);
        this.settings = configured;
        this.clock = clock;
        this.budget = new RefusalBudget(configured, clock.instant());
        this.writer = new RefusalWriter(eventBus, transactions, queueCapacity);
    }

    /**
     * A refused request from {@code source}: stored on its own (the event is made only then) or counted into
     * its window's summary. Never blocks.
     */
    void refused(RefusalBudget.Source source, RefusalKind kind, int status, Supplier<AccessRefused> event) {
        List<AccessRefusalsSummarised> closed = new ArrayList<>(0);
        boolean single = budget.admit(source, kind, status, clock.instant(), closed);
        closed.forEach(this::queue);
        if (single && !writer.offer(message(event.get()))) {
            budget.summariseInstead(source, kind, status);
        }
    }

    /** Notes that a request ended and was judged (refused or not). */
    void ended() {
        ended.increment();
    }

    /**
     * How many requests have ended and been judged since start-up: a request's answer can reach its client just
     * before it is judged, so whoever needs its refusal counted waits for this (tests).
     */
    public long requestsJudged() {
        return ended.sum();
    }

    /** The settings in force. */
    public RefusalAuditSettings settings() {
        return settings;
    }

    /** Replaces the settings while running (tests, operators); {@link #reset()} restores the configured ones. */
    public void configure(RefusalAuditSettings replacement) {
        settings = replacement;
        budget.configure(replacement);
        writer.capacity(replacement.queueCapacity());
    }

    public void reset() {
        configure(configured);
    }

    /** Closes the open window now: its summaries are queued, and counting starts afresh. */
    public void closeWindow() {
        budget.close(clock.instant()).forEach(this::queue);
    }

    /** Refusal events queued or being written. */
    public int pending() {
        return writer.pending();
    }

    private void queue(AccessRefusalsSummarised summary) {
        if (!writer.offer(GenericEventMessage.asEventMessage(summary).andMetaData(actor(summary.actorId())))) {
            log.warn("A summary of refusals was not recorded (the queue is full): {}", summary);
        }
    }

    private static org.axonframework.eventhandling.EventMessage<?> message(AccessRefused refused) {
        Map<String, Object> metadata = actor(refused.actorId());
        if (refused.actorRole() != null) {
            metadata.put(MessageMetadata.ACTOR_ROLE, refused.actorRole());
        }
        if (refused.requestId() != null) {
            metadata.put(MessageMetadata.REQUEST_ID, refused.requestId());
        }
        return GenericEventMessage.asEventMessage(refused).andMetaData(metadata);
    }

    private static Map<String, Object> actor(String actorId) {
        Map<String, Object> metadata = new HashMap<>();
        if (actorId != null) {
            metadata.put(MessageMetadata.ACTOR_ID, actorId);
        }
        return metadata;
    }

    @Override
    public synchronized void start() {
        writer.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "refusal-audit-window");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                budget.rollIfDue(clock.instant()).forEach(this::queue);
            } catch (RuntimeException e) {
                log.error("Could not close the window of refusals", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        ticker = null;
        closeWindow();
        writer.stop(SHUTDOWN_GRACE);
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /** Stopped after the web server (no more requests), before Axon and the database. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
