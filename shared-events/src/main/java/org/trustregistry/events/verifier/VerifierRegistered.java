package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityRegistered;

/** A verifier was registered in a registry, in status PENDING. Its credential types follow as separate events. */
@Revision("1")
public record VerifierRegistered(UUID verifierId, String did, UUID registryId, String name, UUID trustFrameworkId,
                              List<String> jurisdictions, List<String> contexts, String accreditationLevel,
                              Instant validFrom, Instant validUntil, String endpoint, Map<String, Object> metadata,
                              String actor, Instant registeredAt) implements EntityRegistered, VerifierEvent {
}
