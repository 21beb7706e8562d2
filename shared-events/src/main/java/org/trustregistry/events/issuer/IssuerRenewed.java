package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityRenewed;
import org.trustregistry.shared.EntityStatus;

/** The issuer was renewed: EXPIRED back to ACTIVE with a new validUntil. */
@Revision("1")
public record IssuerRenewed(UUID issuerId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, Instant validUntil, String actor, Instant effectiveAt)
        implements EntityRenewed, IssuerEvent {
}
