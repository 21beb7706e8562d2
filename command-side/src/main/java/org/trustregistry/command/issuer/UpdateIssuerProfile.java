package org.trustregistry.command.issuer;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.command.accreditation.EntityProfile;

public record UpdateIssuerProfile(@TargetAggregateIdentifier UUID issuerId, EntityProfile profile) {
}
