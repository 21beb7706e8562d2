package org.trustregistry.events.accreditation;

import java.time.Instant;

/** What the registration events of issuers and verifiers have in common. */
public interface EntityRegistered extends EntityProfileEvent {

    Instant registeredAt();
}
