package org.trustregistry.events.federation;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.FederationStatus;

/** The federation connection moved from one status to another; TERMINATED is final. */
@Revision("1")
public record FederationConnectionStatusChanged(UUID connectionId, UUID registryId, String remoteRegistryDid,
                                                FederationStatus previousStatus, FederationStatus newStatus,
                                                String reason, String actor, Instant effectiveAt) {
}
