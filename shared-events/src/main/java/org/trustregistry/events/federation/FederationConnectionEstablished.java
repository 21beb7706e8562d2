package org.trustregistry.events.federation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.FederationStatus;
import org.trustregistry.shared.RecognitionScope;
import org.trustregistry.shared.RemoteRegistryType;

/**
 * A registry began to recognize another registry (by its DID) for the given action and resource
 * scopes, within the validity window (either end open when null).
 */
@Revision("1")
public record FederationConnectionEstablished(UUID connectionId, UUID registryId, String remoteRegistryDid,
                                              String remoteRegistryName, String remoteRegistryEndpoint,
                                              RemoteRegistryType remoteRegistryType, String trustLevel,
                                              String federationAgreementUrl, List<RecognitionScope> recognitions,
                                              Instant validFrom, Instant validUntil, FederationStatus status,
                                              String actor, Instant establishedAt) {
}
