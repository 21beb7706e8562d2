package org.trustregistry.command.registry;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UnlinkTrustRegistryFramework(@TargetAggregateIdentifier UUID registryId) {
}
