package org.trustregistry.events.registry;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The registry no longer follows the trust framework it followed. */
@Revision("1")
public record TrustRegistryFrameworkUnlinked(UUID registryId, String ecosystemDid, UUID previousTrustFrameworkId,
                                             String actor, Instant effectiveAt) {
}
