package org.trustregistry.query.admin;

import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

/**
 * A signal that some streaming processor has finished a batch, so a request waiting for its writes to be
 * projected (read-your-writes) looks again when something changed instead of every few milliseconds. The
 * signal comes after the batch's transaction and after the processor has advanced its status (a unit of
 * work's clean-up phase), so a woken waiter sees the new position. Waiters still look again after a short
 * bound: a rebuild, a stop or a failure changes what they wait for without a batch.
 */
@Component
public class ProjectionProgress {

    private static final String SIGNALLED = ProjectionProgress.class.getName() + ".signalled";

    private final Object lock = new Object();
    private long generation;

    /** Around each event of a streaming processor: once per batch, signals when the batch is done. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor() {
        return (unitOfWork, chain) -> {
            // clean-up comes after the commit and after the processor advanced its status
            if (unitOfWork.root().resources().putIfAbsent(SIGNALLED, Boolean.TRUE) == null) {
                unitOfWork.root().onCleanup(u -> advanced());
            }
            return chain.proceed();
        };
    }

    /** Called once per processed batch (committed or rolled back). */
    void advanced() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    /** The current generation: read before looking at the positions, then {@link #awaitAfter} it. */
    long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Waits until a batch finishes after {@code seen} was read, or {@code nanos} passed; false when interrupted. */
    boolean awaitAfter(long seen, long nanos) {
        long deadline = System.nanoTime() + nanos;
        synchronized (lock) {
            try {
                long left = nanos;
                while (generation == seen && left > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                    left = deadline - System.nanoTime();
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
