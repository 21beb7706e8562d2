-- The graph of delegations as the command side's rules see it (delegator holds the type, no cycles,
-- bounded depth), kept in the transaction of the delegation events.
CREATE TABLE delegation_catalog (
    delegation_id UUID        NOT NULL PRIMARY KEY,
    registry_id   UUID        NOT NULL,
    delegator_id  UUID        NOT NULL,
    delegate_id   UUID        NOT NULL,
    schema_ids    UUID[]      NOT NULL,
    valid_from    TIMESTAMPTZ,
    valid_until   TIMESTAMPTZ,
    depth         INT         NOT NULL,
    status        VARCHAR(16) NOT NULL
);
CREATE INDEX delegation_catalog_delegator_idx ON delegation_catalog (delegator_id) WHERE status = 'ACTIVE';
CREATE INDEX delegation_catalog_delegate_idx ON delegation_catalog (delegate_id) WHERE status = 'ACTIVE';

-- The read table gets the DIDs of both ends, the depth, and when the delegation ended.
ALTER TABLE issuer_delegations
    ADD COLUMN delegator_did TEXT,
    ADD COLUMN delegate_did  TEXT,
    ADD COLUMN depth         INT NOT NULL DEFAULT 1,
    ADD COLUMN ended_at      TIMESTAMPTZ,
    ADD COLUMN created_by    TEXT;
