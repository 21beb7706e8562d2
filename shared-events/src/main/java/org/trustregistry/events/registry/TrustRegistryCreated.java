package org.trustregistry.events.registry;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.RegistryStatus;

/** A trust registry was created for an ecosystem; its ecosystem DID is the TRQP {@code authority_id}. */
@Revision("1")
public record TrustRegistryCreated(UUID registryId, String name, String description, String ecosystemDid,
                                   String governanceAuthority, UUID trustFrameworkId, RegistryStatus status,
                                   String actor, Instant createdAt) {
}
