package org.trustregistry.events.verifier;

import java.util.UUID;
import org.trustregistry.events.accreditation.EntityEvent;
import org.trustregistry.shared.EntityType;

/** An event of a verifier: its {@code verifierId} is the entity id the shared event interfaces speak of. */
public interface VerifierEvent extends EntityEvent {

    UUID verifierId();

    default EntityType entityType() { return EntityType.VERIFIER; }

    default UUID entityId() { return verifierId(); }
}
