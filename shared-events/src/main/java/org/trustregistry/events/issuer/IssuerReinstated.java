package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityReinstated;
import org.trustregistry.shared.EntityStatus;

/** The issuer was reinstated: SUSPENDED back to ACTIVE. */
@Revision("1")
public record IssuerReinstated(UUID issuerId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityReinstated, IssuerEvent {
}
