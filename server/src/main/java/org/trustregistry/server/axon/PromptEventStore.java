package org.trustregistry.server.axon;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * The embedded event store, with one addition: its streams tell a pooled streaming processor when a
 * local commit has produced new events. Axon's EmbeddedEventStore streams have no availability
 * callback, and without one a pooled streaming processor polls every 500 ms when idle, so every
 * projection would trail every write by up to half a second. Here, after each commit, every open
 * stream's callback is called (and called again every few milliseconds until the stream sees the
 * new events, for at most {@link #NUDGE_WINDOW_MS}); events appended by other processes are still
 * found by the processors' own periodic coordination.
 */
public class PromptEventStore extends EmbeddedEventStore {

    static final long NUDGE_WINDOW_MS = 500;
    private static final long RETRY_MS = 5;

    private final Set<NotifyingStream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService nudger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "event-store-nudger");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventStore(EmbeddedEventStore.Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        NotifyingStream stream = new NotifyingStream(super.openStream(trackingToken));
        streams.add(stream);
        return stream;
    }

    @Override
    protected void afterCommit(java.util.List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NUDGE_WINDOW_MS);
        streams.forEach(stream -> stream.nudge(until));
    }

    @Override
    public void shutDown() {
        nudger.shutdownNow();
        super.shutDown();
    }

    private final class NotifyingStream implements TrackingEventStream {
        private final TrackingEventStream delegate;
        private volatile Runnable callback;
        private volatile long nudgeUntil;

        NotifyingStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        void nudge(long until) {
            nudgeUntil = until;
            fire();
        }

        private void fire() {
            Runnable onAvailable = callback;
            if (onAvailable != null) {
                nudger.execute(onAvailable);
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            boolean available = delegate.hasNextAvailable(timeout, unit);
            if (!available && System.nanoTime() < nudgeUntil && !nudger.isShutdown()) {
                // a commit happened but the store's producer has not fetched it yet: look again shortly
                nudger.schedule(this::fire, RETRY_MS, TimeUnit.MILLISECONDS);
            }
            return available;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            streams.remove(this);
            delegate.close();
        }
    }
}
