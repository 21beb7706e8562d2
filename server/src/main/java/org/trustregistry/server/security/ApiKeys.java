package org.trustregistry.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.command.apikey.ApiKeySecrets;
import org.trustregistry.command.apikey.IssueApiKey;
import org.trustregistry.shared.MessageMetadata;
import org.trustregistry.shared.Timestamptz;

/**
 * Authentication against the API keys (the api_keys table their events keep, and api_key_secrets): a
 * presented secret is hashed with the pepper and looked up by that hash, once. Issuing goes through the
 * ApiKey aggregate like every other write ({@link #store} is for the bootstrap key and the command line).
 */
@Component
public class ApiKeys {

    /** last_used_at is written at most this often per key: no write, and no event, per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApiKeySecrets secrets;
    private final CommandGateway commands;

    ApiKeys(JdbcClient jdbc, Clock clock, ApiKeySecrets secrets, CommandGateway commands) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
        this.commands = commands;
    }

    /** A new secret ({@code trk_} and 256 random bits). */
    public static String newKey() {
        return PepperedApiKeySecrets.randomSecret();
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM api_keys)").query(Boolean.class).single();
    }

    /**
     * Issues a key with the given secret (ApiKeyIssued through the aggregate), on behalf of {@code createdBy}
     * with the system's authority: the bootstrap key, the command line, tests.
     */
    public UUID store(String name, String key, Role role, UUID registryId, String createdBy) {
        return store(name, key, role, registryId, null, createdBy);
    }

    public UUID store(String name, String key, Role role, UUID registryId, Instant expiresAt, String createdBy) {
        UUID id = UUID.randomUUID();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new IssueApiKey(id, name, role.value(),
                        registryId, expiresAt, ApiKeySecrets.prefixOf(key), secrets.hash(key)))
                .andMetaData(MetaData.with(MessageMetadata.ACTOR_ID, createdBy)
                        .and(MessageMetadata.ACTOR_ROLE, MessageMetadata.SYSTEM_ACTOR)));
        return id;
    }

    /** The caller a key stands for, if it is known, not revoked, not expired (nor a replaced secret past its grace). */
    public Optional<Caller> authenticate(String key) {
        Instant now = clock.instant();
        Optional<Found> found = jdbc.sql("SELECT k.id, k.role, k.registry_id, k.last_used_at FROM api_key_secrets s "
                        + "JOIN api_keys k ON k.id = s.key_id WHERE s.secret_hash = ? "
                        + "AND (s.not_after IS NULL OR s.not_after > ?) AND k.revoked_at IS NULL "
                        + "AND (k.expires_at IS NULL OR k.expires_at > ?)")
                .params(secrets.hash(key), Timestamptz.of(now), Timestamptz.of(now))
                .query((rs, row) -> new Found(new Caller(rs.getObject(1, UUID.class),
                        Role.of(rs.getString(2)).orElseThrow(), rs.getObject(3, UUID.class)),
                        Timestamptz.read(rs, 4)))
                .optional();
        found.ifPresent(f -> touch(f, now));
        return found.map(Found::caller);
    }

    /**
     * The stored key a refused secret belongs to (revoked, expired, or replaced and out of its grace period), for
     * the audit of the refusal; empty for a secret the registry never issued or no longer holds.
     */
    public Optional<UUID> identify(String key) {
        return jdbc.sql("SELECT key_id FROM api_key_secrets WHERE secret_hash = ?")
                .param(secrets.hash(key))
                .query(UUID.class)
                .optional();
    }

    private void touch(Found found, Instant now) {
        if (found.lastUsedAt() != null && found.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            return;
        }
        Instant cutoff = now.minus(LAST_USED_RESOLUTION);
        jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)")
                .params(Timestamptz.of(now), found.caller().keyId(), Timestamptz.of(cutoff))
                .update();
    }

    private record Found(Caller caller, Instant lastUsedAt) {
    }
}
