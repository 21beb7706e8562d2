package org.trustregistry.command.delegation;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/**
 * The delegation cascade is the one streaming processor Axon runs itself (the projections have an engine of
 * their own, on the query side): one segment, its position in the token store.
 */
@Configuration(proxyBeanMethods = false)
class DelegationCascadeProcessing {

    @Autowired
    void configure(EventProcessingConfigurer processing,
                   @Value("${trust-registry.projections.token-claim-interval:PT5S}") Duration claimInterval) {
        processing.registerPooledStreamingEventProcessor(DelegationCascade.PROCESSING_GROUP,
                org.axonframework.config.Configuration::eventStore,
                (configuration, builder) -> builder
                        .batchSize(100)
                        // how often it looks at the token store when idle; new events wake it at once
                        .tokenClaimInterval(claimInterval.toMillis())
                        .initialSegmentCount(1));
    }
}
