package org.trustregistry.events.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An API key was issued. Of the secret the event holds only its first characters, for people to tell keys
 * apart: not the secret, not even its keyed hash (which lives in the credential table api_key_secrets
 * alone, written in the same transaction) — the event history is for auditors to read.
 * The role is its wire value ({@code admin}, {@code registry_owner}, {@code auditor}); a registry owner's
 * key names its registry.
 */
@Revision("1")
public record ApiKeyIssued(UUID keyId, String name, String role, UUID registryId, String keyPrefix,
                           Instant expiresAt, String actor, Instant issuedAt) {
}
