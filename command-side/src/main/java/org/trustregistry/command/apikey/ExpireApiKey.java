package org.trustregistry.command.apikey;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the registry itself ({@link ApiKeyExpiryScheduler}) once a key's expiresAt has passed. */
public record ExpireApiKey(@TargetAggregateIdentifier UUID keyId) {
}
