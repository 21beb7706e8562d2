package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityRevoked;
import org.trustregistry.shared.EntityStatus;

/** The verifier was revoked: final, from any status but REVOKED. */
@Revision("1")
public record VerifierRevoked(UUID verifierId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityRevoked, VerifierEvent {
}
