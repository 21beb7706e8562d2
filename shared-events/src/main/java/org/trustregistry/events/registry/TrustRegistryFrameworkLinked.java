package org.trustregistry.events.registry;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The registry now follows this trust framework (replacing any it followed before). */
@Revision("1")
public record TrustRegistryFrameworkLinked(UUID registryId, String ecosystemDid, UUID trustFrameworkId,
                                           UUID previousTrustFrameworkId, String actor, Instant effectiveAt) {
}
