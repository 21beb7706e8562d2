package org.trustregistry.events.accreditation;

import org.trustregistry.shared.LifecycleTransition;

/** An issuer or verifier expired: its validUntil passed while ACTIVE or SUSPENDED. */
public interface EntityExpired extends EntityStatusChanged {

    @Override
    default LifecycleTransition transition() {
        return LifecycleTransition.EXPIRE;
    }
}
