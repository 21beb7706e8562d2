package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntitySuspended;
import org.trustregistry.shared.EntityStatus;

/** The issuer was suspended: ACTIVE to SUSPENDED. */
@Revision("1")
public record IssuerSuspended(UUID issuerId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntitySuspended, IssuerEvent {
}
