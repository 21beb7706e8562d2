package org.trustregistry.query.did;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trustregistry.query.common.ProjectionUnavailableException;

/**
 * The DIDs whose directory entry waits on a parked event (the DID directory's dead-letter queue): their
 * entry may be stale — keys not rotated, an endpoint not changed — so it is not served until an operator
 * retries or evicts the letters; every other DID is served as usual.
 */
@Component
public class ParkedDids {

    private final EventProcessingConfiguration processing;
    private final Duration retryAfter;

    ParkedDids(EventProcessingConfiguration processing,
               @Value("${trust-registry.projections.retry-after:PT5S}") Duration retryAfter) {
        this.processing = processing;
        this.retryAfter = retryAfter;
    }

    public void requireNotParked(String did) {
        boolean parked = processing.deadLetterQueue(DidDirectoryProjection.NAME)
                .map(queue -> queue.contains(DidDirectoryProjection.sequenceOf(did)))
                .orElse(false);
        if (parked) {
            throw new ProjectionUnavailableException("The directory entry of " + did + " waits on an event the "
                    + "directory could not store; it is parked for an operator and the entry is not served until "
                    + "then", retryAfter);
        }
    }
}
