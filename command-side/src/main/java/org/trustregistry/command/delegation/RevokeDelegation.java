package org.trustregistry.command.delegation;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator withdraws a delegation; {@code delegatorIssuerId} is the issuer it is addressed through. */
public record RevokeDelegation(@TargetAggregateIdentifier UUID delegationId, UUID delegatorIssuerId, String reason) {
}
