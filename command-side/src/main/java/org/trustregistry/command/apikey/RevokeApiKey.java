package org.trustregistry.command.apikey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeApiKey(@TargetAggregateIdentifier UUID keyId, String reason) {
}
