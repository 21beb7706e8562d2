package org.trustregistry.query.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event stream for the streaming processor Axon runs itself (the delegation cascade), read the way the
 * projection engine reads it: in global order below the stable head, where it is gapless, so that its token
 * is one number ({@link GlobalSequenceTrackingToken}). It replaces the embedded event store's producer, which
 * read up to the head, kept every in-flight index as a gap and looked at those gaps again after every commit:
 * about nine statements and three transactions per write, for one consumer (measured with {@code
 * log_statement = all} over twenty registrations).
 * <p>
 * A stream looks at the store only when a local commit has appended events since it last found none (it is
 * told after the commit, as the engine is), when an append was still in flight below the head, or once per
 * {@value #POLL_MILLIS} ms for what other processes append. It tells the processor when events are there
 * (its coordinator then schedules itself), so an idle processor does not poll.
 */
@Component(StableEventSource.BEAN)
public class StableEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    /** Its bean's name: the command side asks for it by name (it does not know this module). */
    public static final String BEAN = "stableEventSource";
    static final long POLL_MILLIS = 1000;
    private static final int BATCH = 100;
    /** An append in flight below the head commits or rolls back within milliseconds. */
    private static final long IN_FLIGHT_MILLIS = 2;

    private final StableEvents events;
    private final StreamHorizon horizon;
    private final JdbcClient jdbc;
    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private long commits;

    StableEventSource(StableEvents events, StreamHorizon horizon, JdbcClient jdbc, EventBus eventBus) {
        this.events = events;
        this.horizon = horizon;
        this.jdbc = jdbc;
        eventBus.subscribe(published -> {
            // told while the appending transaction prepares to commit: the events are readable once it has
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().root().afterCommit(u -> committed());
            } else {
                committed();
            }
        });
    }

    private void committed() {
        synchronized (signal) {
            commits++;
            signal.notifyAll();
        }
        open.forEach(Stream::tell);
    }

    private long commits() {
        synchronized (signal) {
            return commits;
        }
    }

    /** Waits until a commit after {@code seen}, at most {@code nanos}. */
    private void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (signal) {
            long left = nanos;
            while (commits == seen && left > 0) {
                TimeUnit.NANOSECONDS.timedWait(signal, left);
                left = deadline - System.nanoTime();
            }
        }
    }

    @Override
    public TrackingEventStream openStream(TrackingToken token) {
        Stream stream = new Stream(positionOf(token));
        open.add(stream);
        return stream;
    }

    /**
     * Where a stream opened at this token starts. A gap-aware token (stored by the embedded event store before
     * this source) has not seen its gaps: it starts below the first of them, so an event committed in one later
     * is not skipped (the few events after it are seen again, which the cascade's review does without harm).
     */
    static long positionOf(TrackingToken token) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (current == null) {
            return -1;
        }
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getGaps().isEmpty() ? gapAware.getIndex() : gapAware.getGaps().first() - 1;
        }
        return current.position().orElse(-1);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long stable = horizon.stableHead();
        return stable < 0 ? null : new GlobalSequenceTrackingToken(stable);
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        // the last event before that moment: the stream starts with the first at or after it
        List<Long> first = jdbc.sql("SELECT MIN(global_index) - 1 FROM domain_event_entry WHERE time_stamp >= ?")
                .param(dateTime.toString()).query(Long.class).list();
        Long before = first.isEmpty() ? null : first.get(0);
        return before == null ? createHeadToken() : before < 0 ? null : new GlobalSequenceTrackingToken(before);
    }

    /** One processor's stream: a buffer of read events, refilled from the store when there may be more. */
    private final class Stream implements TrackingEventStream {
        private final ArrayDeque<TrackedEventMessage<?>> buffer = new ArrayDeque<>();
        /** Everything up to here has been read into the buffer. */
        private long position;
        /** The commits counted when the store last had nothing more, and when it may be asked again regardless. */
        private long emptyAt = -1;
        private long lookAgainAt;
        private volatile Runnable callback;
        private volatile boolean closed;

        Stream(long position) {
            this.position = position;
        }

        void tell() {
            Runnable onAvailable = callback;
            if (onAvailable != null && !closed) {
                onAvailable.run(); // schedules the coordinator (once, however often called)
            }
        }

        /** Reads more when there may be more; true when the buffer has an event. */
        private synchronized boolean fill() {
            if (!buffer.isEmpty()) {
                return true;
            }
            long now = System.nanoTime();
            if (emptyAt == commits() && now - lookAgainAt < 0) {
                return false; // nothing committed here since the store last had nothing more
            }
            long seen = commits();
            StreamHorizon.View view = horizon.view();
            if (view.stable() > position) {
                List<TrackedEventMessage<?>> read = events.read(position, view.stable(), BATCH);
                buffer.addAll(read);
                // fewer than asked: everything up to the stable head has been read (the rest rolled back)
                position = read.size() < BATCH ? view.stable() : StableEvents.indexOf(read.get(read.size() - 1));
            }
            if (buffer.isEmpty()) {
                emptyAt = seen;
                lookAgainAt = now + TimeUnit.MILLISECONDS.toNanos(
                        view.stable() < view.handedOut() ? IN_FLIGHT_MILLIS : POLL_MILLIS);
                return false;
            }
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fill() ? Optional.ofNullable(buffer.peek()) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            long deadline = System.nanoTime() + unit.toNanos(timeout);
            while (!closed) {
                long seen = commits();
                if (fill()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                awaitCommitAfter(seen, Math.min(left, Math.max(0, lookAgainAt - System.nanoTime())));
            }
            return false;
        }

        @Override
        public synchronized TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
                if (closed) {
                    throw new IllegalStateException("The stream is closed");
                }
            }
            return buffer.poll();
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public void close() {
            closed = true;
            open.remove(this);
        }
    }
}
