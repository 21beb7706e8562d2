package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityExpired;
import org.trustregistry.shared.EntityStatus;

/** The issuer was expired: its validUntil passed while ACTIVE or SUSPENDED. */
@Revision("1")
public record IssuerExpired(UUID issuerId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityExpired, IssuerEvent {
}
