package org.trustregistry.events.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The key has a new secret (its first characters are {@code keyPrefix}; the secret and its hash are in no event). The one it replaces stays valid until {@code previousValidUntil} (the
 * rotation instant itself when there is no grace period); a secret that was still in an earlier
 * rotation's grace period ends now.
 */
@Revision("1")
public record ApiKeyRotated(UUID keyId, String keyPrefix, Instant previousValidUntil, String actor, Instant rotatedAt) {
}
