package org.trustregistry.command.framework;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.shared.TrustFrameworkStatus;

public record ChangeTrustFrameworkStatus(@TargetAggregateIdentifier UUID frameworkId, TrustFrameworkStatus status,
                                         String reason) {
}
