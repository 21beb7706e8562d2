package org.trustregistry.command.delegation;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The registry ends a delegation whose delegator lost the authority it passed on, as of {@code effectiveAt}. */
public record LapseDelegation(@TargetAggregateIdentifier UUID delegationId, String reason, Instant effectiveAt) {
}
