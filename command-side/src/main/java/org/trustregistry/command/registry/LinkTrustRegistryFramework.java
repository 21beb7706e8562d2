package org.trustregistry.command.registry;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.command.framework.ReferencesTrustFramework;

public record LinkTrustRegistryFramework(@TargetAggregateIdentifier UUID registryId, UUID trustFrameworkId)
        implements ReferencesTrustFramework {
}
