package org.trustregistry.command.did;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attach a service endpoint and metadata to a DID's directory entry, replacing what it had. */
public record UpdateDidService(@TargetAggregateIdentifier String did, String serviceType, String endpoint,
                               Map<String, Object> metadata) {
}
