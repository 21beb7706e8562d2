package org.trustregistry.command.verifier;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.trustregistry.command.accreditation.EntityProfile;
import org.trustregistry.command.framework.ReferencesTrustFramework;

public record UpdateVerifierProfile(@TargetAggregateIdentifier UUID verifierId, EntityProfile profile)
        implements ReferencesTrustFramework {

    @Override
    public UUID trustFrameworkId() {
        return profile.trustFrameworkId();
    }
}
