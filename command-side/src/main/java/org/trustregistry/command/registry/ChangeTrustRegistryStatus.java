package org.trustregistry.command.registry;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.shared.RegistryStatus;

public record ChangeTrustRegistryStatus(@TargetAggregateIdentifier UUID registryId, RegistryStatus status,
                                        String reason) {
}
