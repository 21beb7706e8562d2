-- The history TRQP answers "authorized at time T?" from: for each registry, issuer, verifier,
-- credential-type authorization, delegation and federation connection, the periods during which it
-- stood in one state. period_start is inclusive, period_end exclusive (NULL: still current). Kept
-- by one projection (authority-history), so the periods of all kinds agree with each other.

CREATE TABLE registry_periods (
    registry_id   UUID        NOT NULL,
    ecosystem_did TEXT        NOT NULL,
    status        VARCHAR(16) NOT NULL,
    period_start  TIMESTAMPTZ NOT NULL,
    period_end    TIMESTAMPTZ,
    seq           BIGINT      NOT NULL,
    CONSTRAINT registry_periods_pk PRIMARY KEY (registry_id, seq)
);
CREATE INDEX registry_periods_did_idx ON registry_periods (ecosystem_did, period_start);

CREATE TABLE entity_periods (
    entity_id    UUID        NOT NULL,
    entity_type  VARCHAR(16) NOT NULL,
    registry_id  UUID        NOT NULL,
    did          TEXT        NOT NULL,
    status       VARCHAR(16) NOT NULL,
    valid_from   TIMESTAMPTZ,
    valid_until  TIMESTAMPTZ,
    period_start TIMESTAMPTZ NOT NULL,
    period_end   TIMESTAMPTZ,
    seq          BIGINT      NOT NULL,
    CONSTRAINT entity_periods_pk PRIMARY KEY (entity_id, seq)
);
CREATE INDEX entity_periods_lookup_idx ON entity_periods (registry_id, did, entity_type, period_start);

CREATE TABLE credential_type_periods (
    entity_id       UUID        NOT NULL,
    schema_id       UUID        NOT NULL,
    credential_type TEXT        NOT NULL,
    period_start    TIMESTAMPTZ NOT NULL,
    period_end      TIMESTAMPTZ,
    seq             BIGINT      NOT NULL,
    CONSTRAINT credential_type_periods_pk PRIMARY KEY (entity_id, seq)
);
CREATE INDEX credential_type_periods_lookup_idx ON credential_type_periods (entity_id, credential_type, period_start);

CREATE TABLE delegation_periods (
    delegation_id    UUID        NOT NULL PRIMARY KEY,
    registry_id      UUID        NOT NULL,
    delegator_id     UUID        NOT NULL,
    delegate_id      UUID        NOT NULL,
    credential_types VARCHAR[]   NOT NULL,
    valid_from       TIMESTAMPTZ,
    valid_until      TIMESTAMPTZ,
    period_start     TIMESTAMPTZ NOT NULL,
    period_end       TIMESTAMPTZ
);
CREATE INDEX delegation_periods_delegate_idx ON delegation_periods (delegate_id, period_start);

CREATE TABLE recognition_periods (
    connection_id     UUID        NOT NULL,
    registry_id       UUID        NOT NULL,
    remote_did        TEXT        NOT NULL,
    status            VARCHAR(16) NOT NULL,
    recognitions      JSONB       NOT NULL,
    valid_from        TIMESTAMPTZ,
    valid_until       TIMESTAMPTZ,
    period_start      TIMESTAMPTZ NOT NULL,
    period_end        TIMESTAMPTZ,
    seq               BIGINT      NOT NULL,
    CONSTRAINT recognition_periods_pk PRIMARY KEY (connection_id, seq)
);
CREATE INDEX recognition_periods_lookup_idx ON recognition_periods (registry_id, remote_did, period_start);
