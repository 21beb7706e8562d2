package org.trustregistry.command.accreditation;

import java.util.UUID;
import org.trustregistry.command.framework.ReferencesTrustFramework;
import org.trustregistry.shared.EntityType;

/** Replace the profile of an issuer or verifier (every profile field, not only the changed ones). */
public record UpdateEntityProfile(EntityType entityType, UUID entityId, EntityProfile profile)
        implements ReferencesTrustFramework {

    @Override
    public UUID trustFrameworkId() {
        return profile.trustFrameworkId();
    }
}
