package org.trustregistry.command.verifier;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the registry itself when the verifier's validUntil has passed. */
public record ExpireVerifier(@TargetAggregateIdentifier UUID verifierId) {
}
