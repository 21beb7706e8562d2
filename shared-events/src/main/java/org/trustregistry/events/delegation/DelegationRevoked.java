package org.trustregistry.events.delegation;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An operator revoked the delegation; it confers no authority from {@code effectiveAt}. */
@Revision("1")
public record DelegationRevoked(UUID delegationId, UUID registryId, UUID delegatorIssuerId, UUID delegateIssuerId,
                                String reason, String actor, Instant effectiveAt) {
}
