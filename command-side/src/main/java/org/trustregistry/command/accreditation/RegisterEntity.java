package org.trustregistry.command.accreditation;

import java.util.List;
import java.util.UUID;
import org.trustregistry.command.framework.ReferencesTrustFramework;
import org.trustregistry.shared.EntityType;

/** Register an issuer or verifier (status PENDING) in a registry, optionally authorized at once for some schemas. */
public record RegisterEntity(EntityType entityType, UUID entityId, String did, UUID registryId, EntityProfile profile,
                             List<UUID> credentialTypes) implements ReferencesTrustFramework {

    @Override
    public UUID trustFrameworkId() {
        return profile.trustFrameworkId();
    }
}
