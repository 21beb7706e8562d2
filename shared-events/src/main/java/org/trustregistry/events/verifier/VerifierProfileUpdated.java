package org.trustregistry.events.verifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.events.accreditation.EntityProfileUpdated;

/** The verifier's profile now reads as given (every profile field, not only the changed ones). */
@Revision("1")
public record VerifierProfileUpdated(UUID verifierId, String did, UUID registryId, String name, UUID trustFrameworkId,
                                  List<String> jurisdictions, List<String> contexts, String accreditationLevel,
                                  Instant validFrom, Instant validUntil, String endpoint, Map<String, Object> metadata,
                                  String actor, Instant updatedAt) implements EntityProfileUpdated, VerifierEvent {
}
