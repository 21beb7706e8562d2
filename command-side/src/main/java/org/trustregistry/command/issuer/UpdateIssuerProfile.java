package org.trustregistry.command.issuer;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.command.accreditation.EntityProfile;
import org.trustregistry.command.framework.ReferencesTrustFramework;

public record UpdateIssuerProfile(@TargetAggregateIdentifier UUID issuerId, EntityProfile profile)
        implements ReferencesTrustFramework {

    @Override
    public UUID trustFrameworkId() {
        return profile.trustFrameworkId();
    }
}
