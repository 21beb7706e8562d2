package org.trustregistry.command.federation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.trustregistry.shared.FederationStatus;
import org.trustregistry.shared.RecognitionScope;

/** The connection as a command left it: what a write returns to its caller (the type in its wire form). */
public record FederationConnectionState(UUID id, UUID registryId, String remoteRegistryDid, String remoteRegistryName,
                                        String remoteRegistryEndpoint, String remoteRegistryType, String trustLevel,
                                        String federationAgreementUrl, List<RecognitionScope> recognitions,
                                        Instant validFrom, Instant validUntil, FederationStatus status,
                                        String statusReason) {
}
