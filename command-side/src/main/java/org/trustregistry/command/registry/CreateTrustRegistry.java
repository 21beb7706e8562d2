package org.trustregistry.command.registry;

import java.util.UUID;
import org.trustregistry.command.framework.ReferencesTrustFramework;

/** Create a registry for an ecosystem; the ecosystem DID may have only one registry. */
public record CreateTrustRegistry(UUID registryId, String name, String description, String ecosystemDid,
                                  String governanceAuthority, UUID trustFrameworkId)
        implements ReferencesTrustFramework {
}
