package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityStatusChanged;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.EntityType;
import org.trustregistry.shared.LifecycleTransition;

/** The verifier was revoked: final, from any status but REVOKED. */
@Revision("1")
public record VerifierRevoked(UUID verifierId, String did, UUID registryId, EntityStatus previousStatus,
                              EntityStatus newStatus, String reason, String actor, Instant effectiveAt)
        implements EntityStatusChanged {

    @Override
    public EntityType entityType() {
        return EntityType.VERIFIER;
    }

    @Override
    public UUID entityId() {
        return verifierId;
    }

    @Override
    public LifecycleTransition transition() {
        return LifecycleTransition.REVOKE;
    }
}
