package org.trustregistry.command.verifier;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawVerifierCredentialType(@TargetAggregateIdentifier UUID verifierId, UUID schemaId, String reason) {
}
