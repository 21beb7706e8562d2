package org.trustregistry.events.issuer;

import java.util.UUID;
import org.trustregistry.events.accreditation.EntityEvent;
import org.trustregistry.shared.EntityType;

/** An event of an issuer: its {@code issuerId} is the entity id the shared event interfaces speak of. */
public interface IssuerEvent extends EntityEvent {

    UUID issuerId();

    default EntityType entityType() { return EntityType.ISSUER; }

    default UUID entityId() { return issuerId(); }
}
