package org.trustregistry.events.accreditation;

import java.time.Instant;
import org.trustregistry.shared.EntityStatus;
import org.trustregistry.shared.LifecycleTransition;

/**
 * What every issuer and verifier status transition event says: which entity, from which status to
 * which, by which transition, why, who, and from when. Status history is built from these alone.
 */
public interface EntityStatusChanged extends EntityEvent {

    LifecycleTransition transition();

    EntityStatus previousStatus();

    EntityStatus newStatus();

    String reason();

    String actor();

    Instant effectiveAt();
}
