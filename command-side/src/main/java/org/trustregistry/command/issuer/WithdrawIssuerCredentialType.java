package org.trustregistry.command.issuer;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawIssuerCredentialType(@TargetAggregateIdentifier UUID issuerId, UUID schemaId, String reason) {
}
