package org.trustregistry.server.axon;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The embedded event store, with one addition: its streams tell a pooled streaming processor when new
 * events are there. Axon's EmbeddedEventStore streams have no availability callback, and without one a
 * pooled streaming processor polls every 500 ms when idle, so every projection would trail every write by
 * up to half a second.
 * <p>
 * The signal comes from where the events arrive: the store's one producer, which reads the storage engine
 * after each local commit (and every second for what other processes append) and hands each event to the
 * streams that follow the head. The storage engine it reads is wrapped so that each event the producer has
 * added to its cache calls every open stream's callback (a pooled processor's coordinator schedules itself
 * at most once however often it is called). An earlier version called the callbacks at commit and again
 * every 5 ms until the producer had caught up: under load that kept every coordinator spinning.
 */
public class PromptEventStore extends EmbeddedEventStore {

    private final Streams streams;

    public PromptEventStore(EmbeddedEventStore.Builder builder, EventStorageEngine storageEngine) {
        this(builder, storageEngine, new Streams());
    }

    private PromptEventStore(EmbeddedEventStore.Builder builder, EventStorageEngine storageEngine, Streams streams) {
        super(builder.storageEngine(new Announcing(storageEngine, streams)));
        this.streams = streams;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        NotifyingStream stream = new NotifyingStream(super.openStream(trackingToken), streams);
        streams.open.add(stream);
        return stream;
    }

    /** The open streams, told when the producer has cached an event. */
    private static final class Streams {
        private final Set<NotifyingStream> open = ConcurrentHashMap.newKeySet();

        void eventCached() {
            open.forEach(NotifyingStream::fire);
        }
    }

    /** The storage engine as the store's producer reads it: each event it streams, once handled, is announced. */
    private record Announcing(EventStorageEngine delegate, Streams streams) implements EventStorageEngine {

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
            if (!mayBlock) {
                return events; // a stream reading on its own (catching up) coordinates itself while it finds events
            }
            Spliterator<? extends TrackedEventMessage<?>> source = events.spliterator();
            Spliterator<TrackedEventMessage<?>> announcing = new Spliterator<>() {
                @Override
                public boolean tryAdvance(Consumer<? super TrackedEventMessage<?>> action) {
                    boolean advanced = source.tryAdvance(action); // the producer caches the event ...
                    if (advanced) {
                        streams.eventCached();                    // ... and only then are the streams told
                    }
                    return advanced;
                }

                @Override
                public Spliterator<TrackedEventMessage<?>> trySplit() {
                    return null;
                }

                @Override
                public long estimateSize() {
                    return source.estimateSize();
                }

                @Override
                public int characteristics() {
                    return source.characteristics() & ~(Spliterator.SIZED | Spliterator.SUBSIZED);
                }
            };
            return StreamSupport.stream(announcing, false).onClose(events::close);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            delegate.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            delegate.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier) {
            return delegate.readEvents(aggregateIdentifier);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return delegate.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return delegate.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return delegate.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return delegate.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return delegate.createTokenAt(dateTime);
        }
    }

    private static final class NotifyingStream implements TrackingEventStream {
        private final TrackingEventStream delegate;
        private final Streams streams;
        private volatile Runnable callback;

        NotifyingStream(TrackingEventStream delegate, Streams streams) {
            this.delegate = delegate;
            this.streams = streams;
        }

        void fire() {
            Runnable onAvailable = callback;
            if (onAvailable != null) {
                onAvailable.run(); // schedules the coordinator (once, however often called)
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            return true;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
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
            streams.open.remove(this);
            delegate.close();
        }
    }
}
