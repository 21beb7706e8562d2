package org.trustregistry.command.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.shared.EntityStatus;

/**
 * Move an verifier to a status: ACTIVE activates, reinstates or renews (renewal needs a new
 * {@code validUntil}), SUSPENDED suspends, REVOKED revokes. Which one is the lifecycle's call.
 */
public record ChangeVerifierStatus(@TargetAggregateIdentifier UUID verifierId, EntityStatus status, String reason,
                                 Instant validUntil) {
}
