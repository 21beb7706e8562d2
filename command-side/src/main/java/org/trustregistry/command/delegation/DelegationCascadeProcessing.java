package org.trustregistry.command.delegation;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The delegation cascade is the one streaming processor Axon runs itself (the projections have an engine of
 * their own, on the query side): one segment, its position in the token store. It reads the stream below its
 * stable head from the application's {@value #SOURCE} (a gapless stream, one number for a position), or from
 * the event store where there is none.
 */
@Configuration(proxyBeanMethods = false)
class DelegationCascadeProcessing {

    /** The name of the bean it reads from, if the application has one. */
    static final String SOURCE = "stableEventSource";

    @Autowired
    void configure(EventProcessingConfigurer processing,
                   @Qualifier(SOURCE) ObjectProvider<StreamableMessageSource<TrackedEventMessage<?>>> source,
                   @Value("${trust-registry.projections.token-claim-interval:PT5S}") Duration claimInterval) {
        processing.registerPooledStreamingEventProcessor(DelegationCascade.PROCESSING_GROUP,
                configuration -> {
                    StreamableMessageSource<TrackedEventMessage<?>> stable = source.getIfAvailable();
                    return stable != null ? stable : configuration.eventStore();
                },
                (configuration, builder) -> builder
                        .batchSize(100)
                        // how often it looks at the token store when idle; new events wake it at once
                        .tokenClaimInterval(claimInterval.toMillis())
                        .initialSegmentCount(1));
    }
}
