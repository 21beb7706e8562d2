-- The public signing keys of every registry, as the registry-entries projection learns them from the
-- events (private keys are never in the database). Published in each registry's DID document.
CREATE TABLE registry_signing_keys (
    kid           TEXT        NOT NULL PRIMARY KEY,
    registry_id   UUID        NOT NULL,
    ecosystem_did TEXT        NOT NULL,
    public_jwk    JSONB       NOT NULL,
    active_from   TIMESTAMPTZ NOT NULL,
    replaced_at   TIMESTAMPTZ
);
CREATE INDEX registry_signing_keys_registry_idx ON registry_signing_keys (registry_id, active_from);
CREATE INDEX registry_entries_entity_idx ON registry_entries (entity_id, version DESC);
