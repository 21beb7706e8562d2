package org.trustregistry.events.accreditation;

import org.trustregistry.shared.LifecycleTransition;

/** An issuer or verifier was suspended: ACTIVE to SUSPENDED. */
public interface EntitySuspended extends EntityStatusChanged {

    @Override
    default LifecycleTransition transition() {
        return LifecycleTransition.SUSPEND;
    }
}
