package org.trustregistry.command.accreditation;

import java.time.Instant;
import java.util.UUID;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;

/**
 * Move an issuer or verifier to a status: ACTIVE activates, reinstates or renews (renewal needs a new
 * {@code validUntil}), SUSPENDED suspends, REVOKED revokes. Which one is the lifecycle's call.
 */
public record ChangeEntityStatus(EntityType entityType, UUID entityId, EntityStatus status, String reason,
                                 Instant validUntil) {
}
