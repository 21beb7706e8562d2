package org.trustregistry.events.accreditation;

import org.trustregistry.shared.LifecycleTransition;

/** An issuer or verifier was reinstated: SUSPENDED back to ACTIVE. */
public interface EntityReinstated extends EntityStatusChanged {

    @Override
    default LifecycleTransition transition() {
        return LifecycleTransition.REINSTATE;
    }
}
