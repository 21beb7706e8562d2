-- Command-side state outside the aggregates. Written by command handlers in the same
-- transaction as the event append, so a rule that spans aggregates (one registry per
-- ecosystem DID, one issuer/verifier per DID per registry) can never be broken by a race:
-- the loser's unique-key violation rolls back its events too. Not projections: never rebuilt.

-- Which registries exist, the ecosystem DID each claims (one registry per ecosystem DID) and status.
CREATE TABLE registry_catalog (
    registry_id   UUID        NOT NULL PRIMARY KEY,
    ecosystem_did TEXT        NOT NULL,
    status        VARCHAR(16) NOT NULL,
    CONSTRAINT registry_catalog_ecosystem_did_uk UNIQUE (ecosystem_did)
);

CREATE TABLE entity_did_claims (
    entity_type VARCHAR(16) NOT NULL,
    registry_id UUID        NOT NULL,
    did         TEXT        NOT NULL,
    entity_id   UUID        NOT NULL UNIQUE,
    CONSTRAINT entity_did_claims_pk PRIMARY KEY (entity_type, registry_id, did)
);

-- Which schemas exist, in which registry, with which credential type and status: what the
-- command side must know to check a reference to a schema.
CREATE TABLE schema_catalog (
    schema_id       UUID        NOT NULL PRIMARY KEY,
    registry_id     UUID        NOT NULL,
    credential_type TEXT        NOT NULL,
    status          VARCHAR(16) NOT NULL
);

-- Persisted expiry deadlines of issuers and verifiers (validUntil), so expiry survives restarts.
CREATE TABLE expiry_deadlines (
    entity_id   UUID        NOT NULL PRIMARY KEY,
    entity_type VARCHAR(16) NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX expiry_deadlines_due_idx ON expiry_deadlines (due_at);
