package org.trustregistry.events.accreditation;

import java.time.Instant;

/** The new profile of an issuer or verifier (everything but its DID, registry and status). */
public interface EntityProfileUpdated extends EntityProfileEvent {

    Instant updatedAt();
}
