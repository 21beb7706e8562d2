package org.trustregistry.events.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An API key was issued. The event holds what identifies the secret — its first characters, for people,
 * and its keyed hash (HMAC-SHA256 under the server's API-key pepper), for the server — never the secret.
 * The role is its wire value ({@code admin}, {@code registry_owner}, {@code auditor}); a registry owner's
 * key names its registry.
 */
@Revision("1")
public record ApiKeyIssued(UUID keyId, String name, String role, UUID registryId, String keyPrefix,
                           String secretHash, Instant expiresAt, String actor, Instant issuedAt) {
}
