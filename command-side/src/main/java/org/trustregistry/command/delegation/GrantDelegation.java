package org.trustregistry.command.delegation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An issuer delegates some of the credential types it holds to another issuer of its registry. */
public record GrantDelegation(UUID delegationId, UUID delegatorIssuerId, UUID delegateIssuerId, List<UUID> schemaIds,
                              List<String> jurisdictions, List<String> contexts, Instant validFrom,
                              Instant validUntil, Map<String, Object> proof) {
}
