package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityExpired;
import org.trustregistry.shared.EntityStatus;

/** The verifier was expired: its validUntil passed while ACTIVE or SUSPENDED. */
@Revision("1")
public record VerifierExpired(UUID verifierId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityExpired, VerifierEvent {
}
