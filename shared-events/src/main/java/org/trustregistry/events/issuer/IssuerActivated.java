package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityActivated;
import org.trustregistry.shared.EntityStatus;

/** The issuer was activated: PENDING to ACTIVE. */
@Revision("1")
public record IssuerActivated(UUID issuerId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityActivated, IssuerEvent {
}
