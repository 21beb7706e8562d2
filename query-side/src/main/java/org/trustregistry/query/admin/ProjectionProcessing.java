package org.trustregistry.query.admin;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * How the projections consume the event store (STACK-NOTES trap 12): each projection is its own
 * pooled streaming processor, so it can be rebuilt alone; a failing event handler fails its batch,
 * which is rolled back and retried (PropagatingErrorHandler) — a projection never silently skips an
 * event and diverges.
 * <p>
 * Batch size: one transaction per batch of up to {@code batch-size} events. Live traffic fills
 * batches of one or two events, so the size only matters when a projection replays the whole store,
 * where 100 events per commit turns a replay from commit-bound into work-bound. One segment each: on
 * two cores more segments only add token claims, and the DID directory merges rows across aggregates,
 * which one segment keeps in event order.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    @Autowired
    void configure(EventProcessingConfigurer processing,
                   @Value("${trust-registry.projections.batch-size:100}") int batchSize,
                   @Value("${trust-registry.projections.segments:1}") int segments) {
        processing.usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .batchSize(batchSize)
                        // also how often an idle processor looks for events appended by other processes
                        .tokenClaimInterval(1000)
                        .initialSegmentCount(segments))
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
