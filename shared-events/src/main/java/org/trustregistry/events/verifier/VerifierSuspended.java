package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntitySuspended;
import org.trustregistry.shared.EntityStatus;

/** The verifier was suspended: ACTIVE to SUSPENDED. */
@Revision("1")
public record VerifierSuspended(UUID verifierId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntitySuspended, VerifierEvent {
}
