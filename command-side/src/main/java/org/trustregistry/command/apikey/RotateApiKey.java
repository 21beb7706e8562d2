package org.trustregistry.command.apikey;

import java.time.Duration;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the key a new secret; the old one stays valid for the grace period (zero: not at all). */
public record RotateApiKey(@TargetAggregateIdentifier UUID keyId, Duration gracePeriod, String keyPrefix,
                           String secretHash) {

    @Override
    public String toString() {
        return "RotateApiKey[keyId=" + keyId + ", gracePeriod=" + gracePeriod + ", keyPrefix=" + keyPrefix + "]";
    }
}
