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
 * How the projections consume the event store (STACK-NOTES trap 12): the {@link ProjectionEngine} reads it
 * once for all of them and hands each event to every projection in one transaction per batch; a failing
 * projection is taken out of the batch (rolled back), remembered as failing and retried — it never
 * silently skips an event and diverges. Axon still builds each projection's event handler invoker (one
 * processing group each, so each can be rebuilt alone), in a subscribing processor that is never fed.
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
                   ObjectProvider<ConnectionProvider> connections, ObjectProvider<DeadLetterSchema> deadLetterSchema) {
        // every processing group not registered otherwise is a projection, run by the ProjectionEngine: Axon builds
        // its handlers (and the DID directory's dead-letter queue) into a processor that is never fed
        processing.usingSubscribingEventProcessors(name -> configuration -> ProjectionEngine.NOT_FED);
        processing
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
                // remembers which DIDs have parked events, instead of asking the queue for every event; it only
                // answers "none parked" for a DID when the queue was empty at start and nothing of it was parked since
                .registerDeadLetteringEventHandlerInvokerConfiguration(directory,
                        (c, builder) -> builder.enableSequenceIdentifierCache())
                .registerSequencingPolicy(directory, c -> DidDirectoryProjection.BY_DID)
                .registerDeadLetterPolicy(directory, c -> park);
    }
}
