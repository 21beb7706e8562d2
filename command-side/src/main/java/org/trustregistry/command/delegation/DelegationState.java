package org.trustregistry.command.delegation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.trustregistry.shared.CredentialTypeRef;
import org.trustregistry.shared.DelegationStatus;

/** The delegation as a command left it: what a write returns to its caller. */
public record DelegationState(UUID id, UUID registryId, UUID delegatorIssuerId, UUID delegateIssuerId,
                              List<CredentialTypeRef> credentialTypes, List<String> jurisdictions,
                              List<String> contexts, Instant validFrom, Instant validUntil, Map<String, Object> proof,
                              int depth, DelegationStatus status, String statusReason) {
}
