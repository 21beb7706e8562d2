package org.trustregistry.query.admin;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.trustregistry.query.did.DidDirectoryProjection;

/**
 * How the projections consume the event store (STACK-NOTES trap 12): each projection is its own
 * pooled streaming processor, so it can be rebuilt alone; a failing event handler fails its batch,
 * which is rolled back and retried (the failure is remembered for the monitor, then propagated) — a
 * projection never silently skips an event and diverges.
 * <p>
 * Batch size: one transaction per batch of up to {@code batch-size} events. Live traffic fills
 * batches of one or two events, so the size only matters when a projection replays the whole store,
 * where 100 events per commit turns a replay from commit-bound into work-bound. One segment each: on
 * two cores more segments only add token claims, and the DID directory merges rows across aggregates,
 * which one segment keeps in event order.
 * <p>
 * Dead letters: only the DID directory parks an event it cannot store (see docs/decisions.md for why
 * every other projection must stop instead).
 * <p>
 * Commits wait for the disk, like every other commit: see docs/decisions.md for why a projection's batch may
 * not commit asynchronously (tried; a killed PostgreSQL lost projected rows the processor had moved past).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    /** What the dead-letter table keeps of a cause: its message without control characters, at most 1,000. */
    static final class ParkedBecause extends RuntimeException {
        ParkedBecause(Throwable cause) {
            super(clean(ProjectionFailure.describe(cause)));
        }

        private static String clean(String message) {
            String text = message.replaceAll("\\p{Cntrl}", "?");
            return text.length() > 1000 ? text.substring(0, 1000) : text;
        }
    }

    @Autowired
    void configure(EventProcessingConfigurer processing, ProjectionFailureRecorder failures,
                   ProjectionProgress progress,
                   ObjectProvider<ConnectionProvider> connections, ObjectProvider<DeadLetterSchema> deadLetterSchema,
                   @Value("${trust-registry.projections.batch-size:100}") int batchSize,
                   @Value("${trust-registry.projections.segments:1}") int segments,
                   @Value("${trust-registry.projections.token-claim-interval:PT5S}") java.time.Duration claimInterval) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .batchSize(batchSize)
                        // how often an idle processor looks at the token store (for segments to claim); events
                        // appended by other processes are found by the store's producer, every second
                        .tokenClaimInterval(claimInterval.toMillis())
                        .initialSegmentCount(segments))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> failures.errorHandler())
                .registerDefaultHandlerInterceptor((c, processor) -> failures.interceptor(processor))
                .registerDefaultHandlerInterceptor((c, processor) -> progress.interceptor());

        String directory = DidDirectoryProjection.NAME;
        EnqueuePolicy<EventMessage<?>> park = (letter, cause) -> Decisions.enqueue(new ParkedBecause(cause));
        processing.registerDeadLetterQueue(directory, c -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(directory)
                        .connectionProvider(connections.getObject())
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .schema(deadLetterSchema.getObject())
                        .genericSerializer(c.serializer())
                        .eventSerializer(c.eventSerializer())
                        .build())
                .registerSequencingPolicy(directory, c -> DidDirectoryProjection.BY_DID)
                .registerDeadLetterPolicy(directory, c -> park);
    }
}
