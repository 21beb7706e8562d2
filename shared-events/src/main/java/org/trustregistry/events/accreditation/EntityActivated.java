package org.trustregistry.events.accreditation;

import org.trustregistry.shared.LifecycleTransition;

/** An issuer or verifier was activated: PENDING to ACTIVE. */
public interface EntityActivated extends EntityStatusChanged {

    @Override
    default LifecycleTransition transition() {
        return LifecycleTransition.ACTIVATE;
    }
}
