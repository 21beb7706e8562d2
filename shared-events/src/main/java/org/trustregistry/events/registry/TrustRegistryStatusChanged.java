package org.trustregistry.events.registry;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.RegistryStatus;

/** The registry moved from one status to another; RETIRED is final. */
@Revision("1")
public record TrustRegistryStatusChanged(UUID registryId, String ecosystemDid, RegistryStatus previousStatus,
                                         RegistryStatus newStatus, String reason, String actor, Instant effectiveAt) {
}
