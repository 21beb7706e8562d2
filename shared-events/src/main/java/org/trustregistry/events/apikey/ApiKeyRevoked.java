package org.trustregistry.events.apikey;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The key was revoked: from this instant no request authenticates with it (nor with a secret in rotation grace). */
@Revision("1")
public record ApiKeyRevoked(UUID keyId, String reason, String actor, Instant revokedAt) {
}
