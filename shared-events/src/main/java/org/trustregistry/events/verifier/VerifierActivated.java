package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityActivated;
import org.trustregistry.shared.EntityStatus;

/** The verifier was activated: PENDING to ACTIVE. */
@Revision("1")
public record VerifierActivated(UUID verifierId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityActivated, VerifierEvent {
}
