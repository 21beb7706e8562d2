package org.trustregistry.server.refusals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustregistry.server.database.DatabaseFailures;

/**
 * Appends refusal events to the event store on a thread of its own, so that a refused request never waits
 * for the store: {@link #offer} only queues (or says no when {@code capacity} events are already waiting or
 * being written). Each batch is published in a unit of work of its own with its own transaction — never
 * inside a request's — through the event bus, so it is a stored event appended like any other (the commit
 * order lock included). While the database does not answer, the batch is retried with a growing pause and
 * the queue fills; other failures drop the batch after a few tries (logged).
 */
final class RefusalWriter {

    private static final Logger log = LoggerFactory.getLogger(RefusalWriter.class);
    private static final int BATCH = 100;
    private static final int TRIES = 3;
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    /** Put on the queue by {@link #stop}: wakes the writer blocked on an empty queue so it can end at once. */
    private static final EventMessage<?> WAKE_UP = GenericEventMessage.asEventMessage("refusal writer stops");

    private final EventBus eventBus;
    private final TransactionManager transactions;
    private final LinkedBlockingQueue<EventMessage<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile int capacity;
    private volatile boolean running;
    private Thread thread;

    RefusalWriter(EventBus eventBus, TransactionManager transactions, int capacity) {
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.capacity = capacity;
    }

    void capacity(int capacity) {
        this.capacity = capacity;
    }

    /** Queues an event; false (at once) if {@code capacity} events are waiting or being written. */
    boolean offer(EventMessage<?> event) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            return false;
        }
        queue.add(event);
        return true;
    }

    /** Events queued or being written. */
    int pending() {
        return pending.get();
    }

    long written() {
        return written.get();
    }

    long dropped() {
        return dropped.get();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "refusal-audit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after writing what is queued, for at most {@code grace}; what is left then is lost (logged). */
    synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        queue.add(WAKE_UP);
        try {
            thread.join(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        long left = queue.stream().filter(event -> event != WAKE_UP).count();
        if (left > 0) {
            log.warn("{} refusal events were not written before shutdown", left);
        }
    }

    private void run() {
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                // blocks until there is work or stop() wakes it (a timed poll woke the thread five times a second
                // on an idle server)
                batch.add(queue.take());
                queue.drainTo(batch, BATCH - 1);
                batch.removeIf(event -> event == WAKE_UP);
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            } finally {
                pending.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<EventMessage<?>> batch) throws InterruptedException {
        Duration pause = Duration.ofSeconds(1);
        int failures = 0;
        while (true) {
            try {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch.get(0));
                unitOfWork.attachTransaction(transactions);
                unitOfWork.execute(() -> eventBus.publish(batch));
                written.addAndGet(batch.size());
                return;
            } catch (RuntimeException e) {
                boolean unavailable = DatabaseFailures.isUnavailable(e);
                if (!unavailable && ++failures >= TRIES || !running && unavailable) {
                    dropped.addAndGet(batch.size());
                    log.error("{} refusal events could not be written and are lost", batch.size(), e);
                    return;
                }
                log.warn("Could not write {} refusal events ({}); retrying in {} s", batch.size(), e.toString(),
                        pause.toSeconds());
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
