package org.trustregistry.query.admin;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers, per projection, the event it failed on and the error, then lets the failure propagate: the
 * batch is rolled back and retried with Axon's back-off, so a projection never skips the event. (Axon
 * forgets an aborted segment's status, so without this a failing projection would show no error at all
 * between its retries.)
 * <p>
 * Two places see failures. Around each event ({@link #interceptor}): what a handler throws. A JPA
 * projection's statements only run when the batch commits, and a commit that fails reaches the processor's
 * error handler ({@link #errorHandler}) with the whole batch, so it is first recorded against the batch's
 * first event; on the retries the interceptor flushes after every event, which names the exact one.
 */
@Component
public class ProjectionFailureRecorder {

    private final Map<String, ProjectionFailure> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final EntityManager entityManager;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProjectionFailureRecorder(EntityManager entityManager, JdbcClient jdbc, Clock clock) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Wraps the handling of each event of the named processor. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                                 InterceptorChain interceptorChain) throws Exception {
                try {
                    Object result = interceptorChain.proceed();
                    if (failures.containsKey(processor) && entityManager.isJoinedToTransaction()) {
                        entityManager.flush(); // failing: find out which event it is
                    }
                    return result;
                } catch (Exception e) {
                    record(processor, unitOfWork.getMessage(), e, true);
                    throw e;
                }
            }
        };
    }

    /** The processor's error handler: records a failed batch (unless its event is known already), then propagates. */
    ErrorHandler errorHandler() {
        return (ErrorContext context) -> {
            List<? extends EventMessage<?>> batch = context.failedEvents();
            if (!batch.isEmpty()) {
                record(context.eventProcessor(), batch.get(0), context.error(), false);
            }
            PropagatingErrorHandler.instance().handleError(context);
        };
    }

    /** How many times the projection failed since start (every retry counts). */
    public long errorCount(String projection) {
        AtomicLong count = errors.get(projection);
        return count == null ? 0 : count.get();
    }

    Optional<ProjectionFailure> failure(String projection) {
        return Optional.ofNullable(failures.get(projection));
    }

    /**
     * Called by the monitor, outside any projection's transaction: finds the global index of failures
     * recorded without one (the failing transaction could not be asked), and forgets the failures the
     * projection has got past.
     */
    void refresh(String projection, long position) {
        failures.computeIfPresent(projection, (name, failure) -> {
            ProjectionFailure known = failure.position() != null ? failure : failure.at(positionOf(failure.eventId()));
            return known.position() != null && known.position() <= position ? null : known;
        });
    }

    void clear(String projection) {
        failures.remove(projection);
    }

    /** The projection engine's report: the projection failed on this event (its global index known). */
    void record(String projection, EventMessage<?> event, long position, Throwable exception, boolean exact) {
        record(projection, event, exception, exact);
        failures.computeIfPresent(projection, (name, failure) ->
                failure.position() == null && failure.eventId().equals(event.getIdentifier()) ? failure.at(position)
                        : failure);
    }

    private void record(String projection, EventMessage<?> event, Throwable exception, boolean exact) {
        errors.computeIfAbsent(projection, p -> new AtomicLong()).incrementAndGet();
        String error = ProjectionFailure.describe(exception);
        failures.compute(projection, (name, known) -> {
            if (known != null && known.eventId().equals(event.getIdentifier())) {
                return known.again(error);
            }
            if (known != null && !exact) {
                return known.again(known.error()); // a batch failing again: the event is already named
            }
            return first(event, error);
        });
    }

    private ProjectionFailure first(EventMessage<?> event, String error) {
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new ProjectionFailure(null, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                aggregateType, aggregateId, sequence, error, clock.instant(), 0);
    }

    private Long positionOf(String eventId) {
        return eventId == null ? null
                : jdbc.sql("SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")
                        .param(eventId).query(Long.class).optional().orElse(null);
    }
}
