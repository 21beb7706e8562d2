package org.trustregistry.events.delegation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.Revision;
import org.trustregistry.shared.CredentialTypeRef;

/**
 * An active issuer delegated some of the credential types it holds to another issuer of the same
 * registry, for a window. {@code depth} is the delegation's distance from a root issuer (1: granted by
 * an issuer holding the types itself).
 */
@Revision("1")
public record DelegationGranted(UUID delegationId, UUID registryId, UUID delegatorIssuerId, String delegatorDid,
                                UUID delegateIssuerId, String delegateDid, List<CredentialTypeRef> credentialTypes,
                                List<String> jurisdictions, List<String> contexts, Instant validFrom,
                                Instant validUntil, Map<String, Object> proof, int depth, String actor,
                                Instant grantedAt) {
}
