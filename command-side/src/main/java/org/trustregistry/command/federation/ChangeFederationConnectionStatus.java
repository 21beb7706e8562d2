package org.trustregistry.command.federation;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.shared.FederationStatus;

/** Move a connection of the given registry to a status; a connection of another registry is unknown to it. */
public record ChangeFederationConnectionStatus(@TargetAggregateIdentifier UUID connectionId, UUID registryId,
                                               FederationStatus status, String reason) {
}
