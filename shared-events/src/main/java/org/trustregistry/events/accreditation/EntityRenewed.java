package org.trustregistry.events.accreditation;

import java.time.Instant;

/** A renewal: an expired entity is active again, valid until a new time. */
public interface EntityRenewed extends EntityStatusChanged {

    Instant validUntil();
}
