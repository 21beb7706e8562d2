package org.trustregistry.command.did;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that resolving a DID was attempted and failed, and why. */
public record RecordDidResolutionFailure(@TargetAggregateIdentifier String did, String reason, String source) {
}
