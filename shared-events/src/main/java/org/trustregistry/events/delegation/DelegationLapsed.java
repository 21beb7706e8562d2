package org.trustregistry.events.delegation;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The delegation stopped conferring authority from {@code effectiveAt} — the moment its delegator lost
 * the authority it passed on — for the {@code reason} given. Recorded by the registry itself.
 */
@Revision("1")
public record DelegationLapsed(UUID delegationId, UUID registryId, UUID delegatorIssuerId, UUID delegateIssuerId,
                               String reason, String actor, Instant effectiveAt) {
}
