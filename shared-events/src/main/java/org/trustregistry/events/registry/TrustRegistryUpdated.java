package org.trustregistry.events.registry;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The registry's descriptive fields now read as given. */
@Revision("1")
public record TrustRegistryUpdated(UUID registryId, String ecosystemDid, String name, String description,
                                   String governanceAuthority, String actor, Instant updatedAt) {
}
