package org.trustregistry.command.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * An API key as the API shows it: never the secret, only its first characters ({@code prefix}).
 * {@code status} is ACTIVE, REVOKED or EXPIRED (EXPIRED from expiresAt on, whether or not the expiry
 * was recorded yet). {@code previousSecretValidUntil}: after a rotation with a grace period, until when
 * the replaced secret still works.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiKeyState(UUID id, String name, String role, UUID registryId, String prefix, String status,
                          Instant createdAt, String createdBy, Instant expiresAt, Instant lastUsedAt,
                          Instant rotatedAt, Instant previousSecretValidUntil, Instant revokedAt, String revokedBy,
                          String revokeReason) {

    /** The same state with when the key was last used (the aggregate does not know: it is no event). */
    public ApiKeyState withLastUsedAt(Instant lastUsed) {
        return new ApiKeyState(id, name, role, registryId, prefix, status, createdAt, createdBy, expiresAt, lastUsed,
                rotatedAt, previousSecretValidUntil, revokedAt, revokedBy, revokeReason);
    }

    public static String status(Instant now, Instant expiresAt, Instant revokedAt) {
        if (revokedAt != null) {
            return "REVOKED";
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? "EXPIRED" : "ACTIVE";
    }
}
