package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityReinstated;
import org.trustregistry.shared.EntityStatus;

/** The verifier was reinstated: SUSPENDED back to ACTIVE. */
@Revision("1")
public record VerifierReinstated(UUID verifierId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityReinstated, VerifierEvent {
}
