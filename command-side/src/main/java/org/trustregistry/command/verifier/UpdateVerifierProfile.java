package org.trustregistry.command.verifier;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.command.accreditation.EntityProfile;

public record UpdateVerifierProfile(@TargetAggregateIdentifier UUID verifierId, EntityProfile profile) {
}
