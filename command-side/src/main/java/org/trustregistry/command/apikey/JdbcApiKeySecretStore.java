package org.trustregistry.command.apikey;

import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trustregistry.shared.Timestamptz;

/** {@link ApiKeySecretStore} on api_key_secrets (hash → key, and the end of a replaced secret's grace period). */
@Component
class JdbcApiKeySecretStore implements ApiKeySecretStore {

    private final JdbcClient jdbc;

    JdbcApiKeySecretStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(UUID keyId, String secretHash) {
        jdbc.sql("INSERT INTO api_key_secrets (secret_hash, key_id) VALUES (?, ?)").params(secretHash, keyId).update();
    }

    @Override
    public void rotate(UUID keyId, String secretHash, Instant previousValidUntil) {
        jdbc.sql("DELETE FROM api_key_secrets WHERE key_id = ? AND not_after IS NOT NULL").param(keyId).update();
        jdbc.sql("UPDATE api_key_secrets SET not_after = ? WHERE key_id = ?")
                .params(Timestamptz.of(previousValidUntil), keyId)
                .update();
        add(keyId, secretHash);
    }
}
