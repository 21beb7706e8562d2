package org.trustregistry.query.publicapi;

import java.util.UUID;
import org.trustregistry.query.registry.TrustRegistryView;

/** A registry as the public API shows it: what it is and who governs it, not who changed it or why. */
public record PublicRegistry(UUID id, String name, String description, String ecosystemDid,
                             String governanceAuthority, UUID trustFrameworkId) {

    static PublicRegistry of(TrustRegistryView view) {
        return new PublicRegistry(view.getId(), view.getName(), view.getDescription(), view.getEcosystemDid(),
                view.getGovernanceAuthority(), view.getTrustFrameworkId());
    }
}
