package org.trustregistry.command.issuer;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the registry itself when the issuer's validUntil has passed. */
public record ExpireIssuer(@TargetAggregateIdentifier UUID issuerId) {
}
