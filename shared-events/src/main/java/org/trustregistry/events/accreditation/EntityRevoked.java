package org.trustregistry.events.accreditation;

import org.trustregistry.shared.LifecycleTransition;

/** An issuer or verifier was revoked: final, from any status but REVOKED. */
public interface EntityRevoked extends EntityStatusChanged {

    @Override
    default LifecycleTransition transition() {
        return LifecycleTransition.REVOKE;
    }
}
