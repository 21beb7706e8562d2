package org.trustregistry.events.accreditation;

import java.time.Instant;
import org.trustregistry.shared.LifecycleTransition;

/** A renewal: an expired entity is active again, valid until a new time. */
public interface EntityRenewed extends EntityStatusChanged {

    Instant validUntil();

    @Override
    default LifecycleTransition transition() {
        return LifecycleTransition.RENEW;
    }
}
