-- API keys become an event-sourced aggregate (ApiKeyIssued, ApiKeyRevoked, ApiKeyRotated, ApiKeyExpired);
-- api_keys is now the table its events keep, in their own transaction. Rows written before had no event:
-- they are dropped, and at the next start the bootstrap admin key is issued again (as the first event),
-- from TRUST_REGISTRY_BOOTSTRAP_ADMIN_KEY or into <data dir>/bootstrap-admin-key.
DELETE FROM api_keys;
ALTER TABLE api_keys
    DROP CONSTRAINT api_keys_key_hash_uk,
    DROP COLUMN key_hash,
    ADD COLUMN rotated_at                  TIMESTAMPTZ,
    ADD COLUMN previous_secret_valid_until TIMESTAMPTZ,
    ADD COLUMN revoked_by                  TEXT,
    ADD COLUMN revoke_reason               TEXT,
    ADD COLUMN expired_at                  TIMESTAMPTZ;
CREATE INDEX api_keys_registry_idx ON api_keys (registry_id, created_at);
CREATE INDEX api_keys_created_idx ON api_keys (created_at, id);

-- The keyed hash (HMAC-SHA256 under the server's pepper) of every secret that may still authenticate:
-- a request's key is found with one lookup of its hash. A secret replaced by a rotation keeps its row
-- until not_after (its grace period). The credential table: the hashes are in no event (auditors read
-- the events), written by the key's command handlers in the command's transaction. No foreign key: the
-- api_keys row is written by the event handler, later in that same transaction.
CREATE TABLE api_key_secrets (
    secret_hash CHAR(64)    NOT NULL PRIMARY KEY,
    key_id      UUID        NOT NULL,
    not_after   TIMESTAMPTZ
);
CREATE INDEX api_key_secrets_key_idx ON api_key_secrets (key_id);
