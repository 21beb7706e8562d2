package org.trustregistry.command.registry;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateTrustRegistry(@TargetAggregateIdentifier UUID registryId, String name, String description,
                                  String governanceAuthority) {
}
