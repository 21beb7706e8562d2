package org.trustregistry.command.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.common.CommandSideCatalogs;
import org.trustregistry.events.apikey.ApiKeyExpired;
import org.trustregistry.events.apikey.ApiKeyIssued;
import org.trustregistry.events.apikey.ApiKeyRevoked;
import org.trustregistry.events.apikey.ApiKeyRotated;
import org.trustregistry.shared.Timestamptz;

/**
 * The api_keys read table, kept in the transaction that appends the key's events (subscribing processor):
 * when a revocation is acknowledged, no request authenticates with the key any more, on any node. (The
 * secrets' hashes are not in the events: see {@link ApiKeySecretStore}.)
 */
@Component
@ProcessingGroup(CommandSideCatalogs.PROCESSING_GROUP)
public class ApiKeyCatalog {

    private final JdbcClient jdbc;

    ApiKeyCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ApiKeyIssued event) {
        jdbc.sql("INSERT INTO api_keys (id, name, key_prefix, role, registry_id, expires_at, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(event.keyId(), event.name(), event.keyPrefix(), event.role(), event.registryId(),
                        Timestamptz.of(event.expiresAt()), event.actor(), Timestamptz.of(event.issuedAt()))
                .update();
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        jdbc.sql("UPDATE api_keys SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ?")
                .params(Timestamptz.of(event.revokedAt()), event.actor(), event.reason(), event.keyId())
                .update();
    }

    @EventHandler
    void on(ApiKeyRotated event) {
        jdbc.sql("UPDATE api_keys SET key_prefix = ?, rotated_at = ?, previous_secret_valid_until = ? WHERE id = ?")
                .params(event.keyPrefix(), Timestamptz.of(event.rotatedAt()),
                        Timestamptz.of(event.previousValidUntil()), event.keyId())
                .update();
    }

    @EventHandler
    void on(ApiKeyExpired event) {
        jdbc.sql("UPDATE api_keys SET expired_at = ? WHERE id = ?")
                .params(Timestamptz.of(event.expiredAt()), event.keyId())
                .update();
    }

    /** Keys whose expiresAt has passed and whose expiry is not on record yet. */
    List<UUID> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM api_keys WHERE expires_at <= ? AND expired_at IS NULL AND revoked_at IS NULL "
                        + "ORDER BY expires_at LIMIT ?")
                .params(Timestamptz.of(now), limit)
                .query(UUID.class)
                .list();
    }

    /** A key's expiresAt, if the key exists and has one. */
    java.util.Optional<Instant> expiresAt(UUID keyId) {
        return jdbc.sql("SELECT expires_at FROM api_keys WHERE id = ?")
                .param(keyId)
                .query((rs, row) -> java.util.Optional.ofNullable(Timestamptz.read(rs, 1)))
                .optional()
                .flatMap(expiry -> expiry);
    }

    /** When the key last authenticated a request (to the minute), if it ever did. */
    Instant lastUsedAt(UUID keyId) {
        return jdbc.sql("SELECT last_used_at FROM api_keys WHERE id = ?")
                .param(keyId)
                .query((rs, row) -> Timestamptz.read(rs, 1))
                .optional()
                .orElse(null);
    }

    /** The registry a key belongs to (registry owners' keys), if the key exists. */
    public java.util.Optional<KeyScope> scopeOf(UUID keyId) {
        return jdbc.sql("SELECT role, registry_id FROM api_keys WHERE id = ?")
                .param(keyId)
                .query((rs, row) -> new KeyScope(rs.getString(1), rs.getObject(2, UUID.class)))
                .optional();
    }

    /** A key's role and, for a registry owner's key, its registry. */
    public record KeyScope(String role, UUID registryId) {
    }
}
