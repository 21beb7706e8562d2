package org.trustregistry.query.admin;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.SubscribableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.trustregistry.query.events.StableEvents;
import org.trustregistry.query.events.StreamHorizon;

/**
 * Runs the projections. Axon's pooled streaming processors gave each projection a reader, a token and a
 * transaction of its own: every write cost a dozen commits, and a replay deserialized every event once per
 * projection (docs/decisions.md, "Performance"). Here one reader serves all of them, below the stable head
 * of the gapless stream ({@link StreamHorizon}), so where a projection stands is one number, kept in
 * {@code projection_position} in the same transaction as the rows it covers. Each event is deserialized once
 * (the message is shared) and handed, in one transaction per batch, to every projection that has not
 * processed it, through the event handler invoker Axon built for the projection's processing group (its
 * handlers, parameter resolvers and dead-letter queue are Axon's; its processor is never fed).
 * <p>
 * Two lanes, each a thread: the live lane keeps up-to-date projections current; a projection being rebuilt,
 * or far behind at start, catches up in the other lane and then joins the live one, so a rebuild never holds
 * up the others. A projection that fails is taken out of its batch (the batch's transaction is rolled back
 * and done again without it, so the others go on), remembered as failing at that event, and retried after a
 * back-off, one event per transaction until it is past the event, so the failure names it exactly. It never
 * skips an event (only the DID directory parks one, in its dead-letter queue).
 */
@Component
public class ProjectionEngine implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionEngine.class);

    /** The message source of the projections' own Axon processors: it never delivers, the engine does. */
    static final SubscribableMessageSource<EventMessage<?>> NOT_FED = consumer -> () -> true;

    private static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long LAST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** One projection: its handlers and where it stands. */
    static final class Projection {
        final String name;
        final EventHandlerInvoker invoker;
        /** Fair, so a rebuild waiting for it gets it after the batch in progress. */
        final ReentrantLock busy = new ReentrantLock(true);
        volatile long position;
        volatile Lane lane;
        volatile long retryAt;
        volatile int failures;
        /** After a failure: one event per transaction up to this index, so a failure names its event. */
        volatile long carefulUntil = Long.MIN_VALUE;

        Projection(String name, EventHandlerInvoker invoker) {
            this.name = name;
            this.invoker = invoker;
        }
    }

    private final EventProcessingConfiguration processing;
    private final EventBus eventBus;
    private final StreamHorizon horizon;
    private final StableEvents store;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final EntityManager entityManager;
    private final ProjectionFailureRecorder failures;
    private final ProjectionProgress progress;
    private final int batchSize;
    private final Duration pollInterval;
    private final Map<String, Projection> projections = new ConcurrentHashMap<>();
    private final Lane live = new Lane("projections-live", false);
    private final Lane catchingUp = new Lane("projections-catch-up", true);
    private volatile boolean running;

    ProjectionEngine(EventProcessingConfiguration processing, EventBus eventBus, StreamHorizon horizon,
                     StableEvents store, PlatformTransactionManager transactionManager, JdbcClient jdbc,
                     EntityManager entityManager, ProjectionFailureRecorder failures, ProjectionProgress progress,
                     @Value("${trust-registry.projections.batch-size:1000}") int batchSize,
                     @Value("${trust-registry.projections.poll-interval:PT1S}") Duration pollInterval) {
        this.processing = processing;
        this.eventBus = eventBus;
        this.horizon = horizon;
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.failures = failures;
        this.progress = progress;
        this.batchSize = Math.max(1, batchSize);
        this.pollInterval = pollInterval;
    }

    /** The projections by name, sorted (known once the engine has started; read-your-writes asks on every wake). */
    public Set<String> names() {
        return names;
    }

    private volatile Set<String> names = Set.of();

    /** Every event up to this global index is in the projection's tables (-1: none); empty for an unknown name. */
    public Optional<Long> position(String name) {
        Projection projection = projections.get(name);
        return projection == null ? Optional.empty() : Optional.of(projection.position);
    }

    /** Whether the projection is catching up (rebuilt, or far behind at start) rather than following the head. */
    public boolean catchingUp(String name) {
        Projection projection = projections.get(name);
        return projection != null && projection.lane == catchingUp;
    }

    /** Whether the engine runs (its lanes follow the store). */
    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Empties the projection's tables (its reset handlers) and sets it back to the start of the store, in one
     * transaction, after the batch it may be in; it then catches up in the catch-up lane. False for an unknown
     * name.
     */
    public boolean rebuild(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            return false;
        }
        projection.busy.lock();
        try {
            transactions.executeWithoutResult(status -> {
                reset(projection);
                savePosition(projection.name, -1);
            });
            projection.position = -1;
            projection.retryAt = 0;
            projection.failures = 0;
            projection.carefulUntil = Long.MIN_VALUE;
            moveTo(projection, catchingUp);
        } finally {
            projection.busy.unlock();
        }
        return true;
    }

    /** Retries a failing projection now instead of after its back-off; false for an unknown name. */
    public boolean retryNow(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            return false;
        }
        projection.retryAt = 0;
        projection.lane.wake();
        return true;
    }

    /** Whether the projection failed and waits to be tried again. */
    public boolean retrying(String name) {
        Projection projection = projections.get(name);
        return projection != null && projection.retryAt != 0;
    }

    /** The projections waiting out a back-off after a failure. */
    public List<String> waitingToRetry() {
        long now = System.nanoTime();
        return projections.values().stream().filter(p -> p.retryAt != 0 && p.retryAt - now > 0)
                .map(p -> p.name).sorted().toList();
    }

    @Override
    public void start() {
        Map<String, EventHandlerInvoker> invokers = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof SubscribingEventProcessor subscribing && subscribing.getMessageSource() == NOT_FED) {
                invokers.put(name, ((AbstractEventProcessor) processor).eventHandlerInvoker());
            }
        });
        Map<String, Long> stored = new java.util.HashMap<>();
        jdbc.sql("SELECT projection, position FROM projection_position")
                .query((rs, i) -> stored.put(rs.getString(1), rs.getLong(2))).list();
        long stable = horizon.stableHead();
        invokers.forEach((name, invoker) -> {
            Projection projection = new Projection(name, invoker);
            Long position = stored.get(name);
            if (position == null) {
                // new, or kept by an earlier engine: its tables are emptied and it is built from the start
                log.info("Projection {} has no stored position: building it from the start of the event store", name);
                transactions.executeWithoutResult(status -> {
                    reset(projection);
                    jdbc.sql("INSERT INTO projection_position (projection, position) VALUES (?, -1) "
                            + "ON CONFLICT (projection) DO UPDATE SET position = -1, updated_at = now()")
                            .param(name).update();
                });
                position = -1L;
            }
            projection.position = position;
            projections.put(name, projection);
            moveTo(projection, stable - position > batchSize ? catchingUp : live);
        });
        names = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(projections.keySet()));
        eventBus.subscribe(events -> {
            // told while the appending transaction prepares to commit: look once it has committed
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(u -> live.wake());
            } else {
                live.wake();
            }
        });
        running = true;
        live.start();
        catchingUp.start();
    }

    @Override
    public void stop() {
        running = false;
        live.halt();
        catchingUp.halt();
    }

    @Override
    public int getPhase() {
        // after the event store and Axon's processors (which build the invokers), before the web server
        return Integer.MAX_VALUE / 2 - 2048;
    }

    private void moveTo(Projection projection, Lane lane) {
        Lane from = projection.lane;
        if (from == lane) {
            return;
        }
        projection.lane = lane;
        lane.members.add(projection);
        if (from != null) {
            from.members.remove(projection);
        }
        lane.wake();
    }

    private void reset(Projection projection) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            projection.invoker.performReset();
            entityManager.flush();
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    private void savePosition(String name, long position) {
        jdbc.sql("UPDATE projection_position SET position = ?, updated_at = now() WHERE projection = ?")
                .params(position, name).update();
    }

    private List<TrackedEventMessage<?>> read(long after, long upTo, int limit) {
        return store.read(after, upTo, limit);
    }

    static long indexOf(TrackedEventMessage<?> event) {
        return StableEvents.indexOf(event);
    }

    /** A projection failed in a batch: the batch's transaction is rolled back. */
    private static final class Failed extends RuntimeException {
        final transient Projection projection;
        final transient TrackedEventMessage<?> event;
        final boolean exact;

        Failed(Projection projection, TrackedEventMessage<?> event, boolean exact, Throwable cause) {
            super(cause);
            this.projection = projection;
            this.event = event;
            this.exact = exact;
        }
    }

    /**
     * Processes the next events for some projections of a lane, in one transaction: those after the lowest
     * position among them, up to the stable head. True when it did something (there may be more).
     */
    private boolean process(Lane lane, List<Projection> group, long stable, int limit) {
        long from = group.stream().mapToLong(p -> p.position).min().orElse(stable);
        if (from >= stable) {
            return false;
        }
        long started = System.nanoTime();
        List<TrackedEventMessage<?>> events = read(from, stable, limit);
        // fewer than asked: nothing else is left below the stable head (the rest were rolled back)
        long upTo = events.size() < limit ? stable : indexOf(events.get(events.size() - 1));
        List<Projection> todo = new ArrayList<>(group);
        while (!todo.isEmpty()) {
            try {
                transactions.executeWithoutResult(status -> {
                    for (Projection projection : todo) {
                        apply(projection, events);
                    }
                    jdbc.sql("UPDATE projection_position SET position = :position, updated_at = now() "
                                    + "WHERE projection = ANY(CAST(:names AS varchar[])) AND position < :position")
                            .param("position", upTo)
                            .param("names", todo.stream().map(p -> p.name).toArray(String[]::new)).update();
                });
                for (Projection projection : todo) {
                    projection.position = Math.max(projection.position, upTo);
                    projection.failures = 0;
                    projection.retryAt = 0;
                }
                progress.advanced();
                lane.batches.increment();
                lane.events.add(events.size());
                lane.nanos.add(System.nanoTime() - started);
                return true;
            } catch (Failed failed) {
                fail(failed.projection, failed.event, failed.getCause(), failed.exact);
                todo.remove(failed.projection); // the others do the batch again without it
            } catch (RuntimeException e) {
                // not one projection's doing (the store could not be read or the commit failed): all wait
                for (Projection projection : todo) {
                    fail(projection, events.stream().filter(ev -> indexOf(ev) > projection.position).findFirst()
                            .orElse(null), e, false);
                }
                return false;
            }
        }
        return true;
    }

    private void apply(Projection projection, List<TrackedEventMessage<?>> events) {
        List<TrackedEventMessage<?>> part = events.stream().filter(e -> indexOf(e) > projection.position).toList();
        if (part.isEmpty()) {
            return;
        }
        UnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(part.get(0));
        TrackedEventMessage<?> current = part.get(0);
        boolean flushing = false;
        try {
            for (TrackedEventMessage<?> event : part) {
                current = event;
                projection.invoker.handle(event, Segment.ROOT_SEGMENT);
            }
            flushing = true;
            entityManager.flush(); // what this projection wrote fails here, not in another's part or at commit
            entityManager.clear(); // and the next one does not dirty-check its entities again at every flush
            unitOfWork.commit();
        } catch (Exception e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw new Failed(projection, current, !flushing || part.size() == 1, e);
        }
    }

    private void fail(Projection projection, TrackedEventMessage<?> event, Throwable error, boolean exact) {
        int failures = ++projection.failures;
        long backOff = Math.min(LAST_RETRY_NANOS, FIRST_RETRY_NANOS << Math.min(failures - 1, 6));
        projection.retryAt = System.nanoTime() + backOff;
        if (event != null) {
            projection.carefulUntil = Math.max(projection.carefulUntil, indexOf(event));
            this.failures.record(projection.name, event, indexOf(event), error, exact);
        }
        if (failures == 1) {
            log.warn("Projection {} failed on event {}; retrying in {} ms", projection.name,
                    event == null ? "?" : indexOf(event), TimeUnit.NANOSECONDS.toMillis(backOff), error);
        }
        // it is behind from now on: it waits and catches up in the other lane, never holding up the live one
        moveTo(projection, catchingUp);
        progress.advanced(); // waiters stop waiting for it
    }

    /** What a lane has done since start: batches committed, the events in them, and the time they took. */
    public record LaneWork(long batches, long events, long nanos) {
    }

    /** Per lane ({@code live}, {@code catch-up}): the batches it committed so far (for the metrics). */
    public Map<String, LaneWork> laneWork() {
        return Map.of("live", live.work(), "catch-up", catchingUp.work());
    }

    /** A thread processing the projections that are its members. */
    private final class Lane implements Runnable {
        final String name;
        final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder events = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();

        LaneWork work() {
            return new LaneWork(batches.sum(), events.sum(), nanos.sum());
        }
        final boolean catchUp;
        final Set<Projection> members = ConcurrentHashMap.newKeySet();
        private final Object signal = new Object();
        private boolean woken;
        private volatile Thread thread;

        Lane(String name, boolean catchUp) {
            this.name = name;
            this.catchUp = catchUp;
        }

        void start() {
            Thread t = new Thread(this, name);
            t.setDaemon(true);
            thread = t;
            t.start();
        }

        void halt() {
            Thread t = thread;
            thread = null;
            if (t != null) {
                wake();
                try {
                    t.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void wake() {
            synchronized (signal) {
                woken = true;
                signal.notifyAll();
            }
        }

        private void sleep(long nanos) {
            synchronized (signal) {
                try {
                    if (!woken && nanos > 0) {
                        TimeUnit.NANOSECONDS.timedWait(signal, nanos);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                woken = false;
            }
        }

        @Override
        public void run() {
            while (thread == Thread.currentThread() && running) {
                long pause;
                try {
                    pause = step();
                } catch (RuntimeException e) {
                    log.warn("Projection lane {} could not look at the event store: {}", name, e.getMessage());
                    pause = FIRST_RETRY_NANOS;
                }
                if (pause > 0) {
                    sleep(pause);
                }
            }
        }

        /** One round; returns how long to sleep (0: go on at once). */
        private long step() {
            long now = System.nanoTime();
            List<Projection> ready = new ArrayList<>();
            long nextRetry = pollInterval.toNanos();
            for (Projection projection : members) {
                long wait = projection.retryAt == 0 ? 0 : projection.retryAt - now;
                if (wait <= 0) {
                    ready.add(projection);
                } else {
                    nextRetry = Math.min(nextRetry, wait);
                }
            }
            if (ready.isEmpty()) {
                return catchUp && members.isEmpty() ? TimeUnit.SECONDS.toNanos(60) : nextRetry;
            }
            ready.sort(Comparator.comparing(p -> p.name));
            List<Projection> locked = new ArrayList<>();
            for (Projection projection : ready) {
                try {
                    if (projection.busy.tryLock(0, TimeUnit.NANOSECONDS)) {
                        if (projection.lane == this) {
                            locked.add(projection);
                        } else {
                            projection.busy.unlock();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                StreamHorizon.View horizonNow = horizon.view();
                long stable = horizonNow.stable();
                boolean worked = false;
                List<Projection> careful = locked.stream().filter(p -> p.position < p.carefulUntil).toList();
                for (Projection projection : careful) {
                    if (projection.lane == this) {
                        worked |= process(this, List.of(projection), stable, 1);
                    }
                }
                // those that did not just fail in their careful round, and are still in this lane
                List<Projection> others = locked.stream()
                        .filter(p -> !careful.contains(p) && p.lane == this).toList();
                if (!others.isEmpty()) {
                    worked |= process(this, others, stable, batchSize);
                }
                if (catchUp) {
                    for (Projection projection : locked) {
                        if (projection.lane == this && projection.position >= stable && projection.retryAt == 0) {
                            log.info("Projection {} has caught up at {}; it follows the head from now on",
                                    projection.name, projection.position);
                            moveTo(projection, live);
                        }
                    }
                }
                if (worked) {
                    return 0;
                }
                // an append still in flight below what was handed out: it commits (and wakes us) or rolls back
                return horizonNow.stable() < horizonNow.handedOut() ? TimeUnit.MILLISECONDS.toNanos(2) : nextRetry;
            } finally {
                locked.forEach(p -> p.busy.unlock());
            }
        }
    }
}
