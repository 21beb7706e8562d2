package org.trustregistry.events.accreditation;

import java.util.UUID;
import org.trustregistry.shared.EntityType;

/**
 * What every event of an issuer or verifier names: which kind of entity, which one, its DID and its
 * registry. The events of each kind get the first two from their kind's interface ({@code IssuerEvent},
 * {@code VerifierEvent}); none of these accessors is a stored property (the records' components are).
 */
public interface EntityEvent {

    EntityType entityType();

    UUID entityId();

    String did();

    UUID registryId();
}
