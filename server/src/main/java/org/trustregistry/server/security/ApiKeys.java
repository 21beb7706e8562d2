package org.trustregistry.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The API keys, stored only as SHA-256 hashes (a key is 256 random bits, so a fast hash is safe and
 * lets a request be authenticated with one indexed lookup). The key itself is shown once, when issued.
 */
@Component
public class ApiKeys {

    private static final String PREFIX = "trk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM api_keys)").query(Boolean.class).single();
    }

    public UUID store(String name, String key, Role role, UUID registryId, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO api_keys (id, name, key_hash, key_prefix, role, registry_id, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, name, hash(key), key.substring(0, Math.min(8, key.length())), role.value(), registryId,
                        createdBy, Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** The caller a key stands for, if it is known, not revoked and not expired. */
    public Optional<Caller> authenticate(String key) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("SELECT id, role, registry_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > ?)")
                .params(hash(key), now)
                .query((rs, row) -> new Caller(rs.getObject(1, UUID.class),
                        Role.of(rs.getString(2)).orElseThrow(), rs.getObject(3, UUID.class)))
                .optional();
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
