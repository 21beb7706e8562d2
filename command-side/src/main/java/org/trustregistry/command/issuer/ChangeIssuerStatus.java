package org.trustregistry.command.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.shared.EntityStatus;

/**
 * Move an issuer to a status: ACTIVE activates, reinstates or renews (renewal needs a new
 * {@code validUntil}), SUSPENDED suspends, REVOKED revokes. Which one is the lifecycle's call.
 */
public record ChangeIssuerStatus(@TargetAggregateIdentifier UUID issuerId, EntityStatus status, String reason,
                                 Instant validUntil) {
}
