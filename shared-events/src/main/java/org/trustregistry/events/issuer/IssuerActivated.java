package org.trustregistry.events.issuer;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;

/** The issuer was activated: PENDING to ACTIVE. */
@Revision("1")
public record IssuerActivated(UUID issuerId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityStatusChanged {

    @Override
    public EntityType entityType() {
        return EntityType.ISSUER;
    }

    @Override
    public UUID entityId() {
        return issuerId;
    }

    @Override
    public LifecycleTransition transition() {
        return LifecycleTransition.ACTIVATE;
    }
}
