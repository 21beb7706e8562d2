package org.trustregistry.command.issuer;

import java.util.List;
import java.util.UUID;
import org.trustregistry.command.accreditation.EntityProfile;
import org.trustregistry.command.framework.ReferencesTrustFramework;

/** Register an issuer (status PENDING) in a registry, optionally authorized at once for some schemas. */
public record RegisterIssuer(UUID issuerId, String did, UUID registryId, EntityProfile profile,
                             List<UUID> credentialTypes)
        implements ReferencesTrustFramework {

    @Override
    public UUID trustFrameworkId() {
        return profile.trustFrameworkId();
    }
}
