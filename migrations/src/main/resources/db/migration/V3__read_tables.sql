-- The 14 read tables of the original system. Here they are projections of the event store:
-- every row is derived from events only (ids, times and actors come from the events), so a
-- projection rebuilt from the event store is identical, row for row, to the one it replaces.
-- "version" columns hold the sequence number of the aggregate's last event applied to the row.

CREATE TABLE trust_frameworks (
    id                       UUID         NOT NULL PRIMARY KEY,
    name                     TEXT         NOT NULL,
    framework_version        TEXT,
    description              TEXT,
    governance_framework_url TEXT,
    legal_agreements         JSONB        NOT NULL DEFAULT '[]',
    jurisdictions            VARCHAR[]    NOT NULL DEFAULT '{}',
    contexts                 VARCHAR[]    NOT NULL DEFAULT '{}',
    status                   VARCHAR(16)  NOT NULL,
    status_reason            TEXT,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    version                  BIGINT       NOT NULL
);
CREATE INDEX trust_frameworks_status_idx ON trust_frameworks (status);
CREATE INDEX trust_frameworks_name_trgm_idx ON trust_frameworks USING gin (name gin_trgm_ops);

CREATE TABLE trust_registries (
    id                   UUID        NOT NULL PRIMARY KEY,
    name                 TEXT        NOT NULL,
    description          TEXT,
    ecosystem_did        TEXT        NOT NULL,
    governance_authority TEXT,
    trust_framework_id   UUID,
    status               VARCHAR(16) NOT NULL,
    status_reason        TEXT,
    created_by           TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    version              BIGINT      NOT NULL,
    CONSTRAINT trust_registries_ecosystem_did_uk UNIQUE (ecosystem_did)
);
CREATE INDEX trust_registries_status_idx ON trust_registries (status);
CREATE INDEX trust_registries_trust_framework_idx ON trust_registries (trust_framework_id);
CREATE INDEX trust_registries_name_trgm_idx ON trust_registries USING gin (name gin_trgm_ops);

CREATE TABLE credential_schemas (
    id                 UUID        NOT NULL PRIMARY KEY,
    registry_id        UUID        NOT NULL,
    trust_framework_id UUID,
    name               TEXT        NOT NULL,
    schema_version     TEXT,
    type               TEXT        NOT NULL,
    json_schema        JSONB,
    contexts           VARCHAR[]   NOT NULL DEFAULT '{}',
    jurisdictions      VARCHAR[]   NOT NULL DEFAULT '{}',
    issuer_mode        VARCHAR(16) NOT NULL,
    verifier_mode      VARCHAR(16) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    status_reason      TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL
);
CREATE INDEX credential_schemas_registry_idx ON credential_schemas (registry_id);
CREATE INDEX credential_schemas_type_idx ON credential_schemas (type);
CREATE INDEX credential_schemas_status_idx ON credential_schemas (status);
CREATE INDEX credential_schemas_name_trgm_idx ON credential_schemas USING gin (name gin_trgm_ops);

CREATE TABLE issuers (
    id                  UUID        NOT NULL PRIMARY KEY,
    did                 TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    registry_id         UUID        NOT NULL,
    trust_framework_id  UUID,
    jurisdictions       VARCHAR[]   NOT NULL DEFAULT '{}',
    contexts            VARCHAR[]   NOT NULL DEFAULT '{}',
    accreditation_level TEXT,
    valid_from          TIMESTAMPTZ,
    valid_until         TIMESTAMPTZ,
    endpoint            TEXT,
    metadata            JSONB       NOT NULL DEFAULT '{}',
    status              VARCHAR(16) NOT NULL,
    status_reason       TEXT,
    status_changed_at   TIMESTAMPTZ NOT NULL,
    created_by          TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL,
    CONSTRAINT issuers_registry_did_uk UNIQUE (registry_id, did)
);
CREATE INDEX issuers_did_idx ON issuers (did);
CREATE INDEX issuers_status_idx ON issuers (status);
CREATE INDEX issuers_trust_framework_idx ON issuers (trust_framework_id);
CREATE INDEX issuers_accreditation_level_idx ON issuers (accreditation_level);
CREATE INDEX issuers_jurisdictions_idx ON issuers USING gin (jurisdictions);
CREATE INDEX issuers_valid_until_idx ON issuers (valid_until);
CREATE INDEX issuers_name_trgm_idx ON issuers USING gin (name gin_trgm_ops);

CREATE TABLE issuer_credential_types (
    issuer_id       UUID        NOT NULL,
    schema_id       UUID        NOT NULL,
    credential_type TEXT        NOT NULL,
    authorized_at   TIMESTAMPTZ NOT NULL,
    authorized_by   TEXT,
    CONSTRAINT issuer_credential_types_pk PRIMARY KEY (issuer_id, schema_id)
);
CREATE INDEX issuer_credential_types_type_idx ON issuer_credential_types (credential_type);
CREATE INDEX issuer_credential_types_schema_idx ON issuer_credential_types (schema_id);

CREATE TABLE issuer_delegations (
    id                  UUID        NOT NULL PRIMARY KEY,
    registry_id         UUID        NOT NULL,
    delegator_issuer_id UUID        NOT NULL,
    delegate_issuer_id  UUID        NOT NULL,
    schema_ids          UUID[]      NOT NULL DEFAULT '{}',
    credential_types    VARCHAR[]   NOT NULL DEFAULT '{}',
    jurisdictions       VARCHAR[]   NOT NULL DEFAULT '{}',
    contexts            VARCHAR[]   NOT NULL DEFAULT '{}',
    valid_from          TIMESTAMPTZ,
    valid_until         TIMESTAMPTZ,
    proof               JSONB,
    status              VARCHAR(16) NOT NULL,
    status_reason       TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL
);
CREATE INDEX issuer_delegations_delegator_idx ON issuer_delegations (delegator_issuer_id);
CREATE INDEX issuer_delegations_delegate_idx ON issuer_delegations (delegate_issuer_id);
CREATE INDEX issuer_delegations_status_idx ON issuer_delegations (status);

CREATE TABLE verifiers (
    id                  UUID        NOT NULL PRIMARY KEY,
    did                 TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    registry_id         UUID        NOT NULL,
    trust_framework_id  UUID,
    jurisdictions       VARCHAR[]   NOT NULL DEFAULT '{}',
    contexts            VARCHAR[]   NOT NULL DEFAULT '{}',
    accreditation_level TEXT,
    valid_from          TIMESTAMPTZ,
    valid_until         TIMESTAMPTZ,
    endpoint            TEXT,
    metadata            JSONB       NOT NULL DEFAULT '{}',
    status              VARCHAR(16) NOT NULL,
    status_reason       TEXT,
    status_changed_at   TIMESTAMPTZ NOT NULL,
    created_by          TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL,
    CONSTRAINT verifiers_registry_did_uk UNIQUE (registry_id, did)
);
CREATE INDEX verifiers_did_idx ON verifiers (did);
CREATE INDEX verifiers_status_idx ON verifiers (status);
CREATE INDEX verifiers_trust_framework_idx ON verifiers (trust_framework_id);
CREATE INDEX verifiers_accreditation_level_idx ON verifiers (accreditation_level);
CREATE INDEX verifiers_jurisdictions_idx ON verifiers USING gin (jurisdictions);
CREATE INDEX verifiers_valid_until_idx ON verifiers (valid_until);
CREATE INDEX verifiers_name_trgm_idx ON verifiers USING gin (name gin_trgm_ops);

CREATE TABLE verifier_credential_types (
    verifier_id     UUID        NOT NULL,
    schema_id       UUID        NOT NULL,
    credential_type TEXT        NOT NULL,
    authorized_at   TIMESTAMPTZ NOT NULL,
    authorized_by   TEXT,
    CONSTRAINT verifier_credential_types_pk PRIMARY KEY (verifier_id, schema_id)
);
CREATE INDEX verifier_credential_types_type_idx ON verifier_credential_types (credential_type);
CREATE INDEX verifier_credential_types_schema_idx ON verifier_credential_types (schema_id);

-- One row per issuer/verifier status transition; id is the id of the event it came from.
CREATE TABLE status_history (
    id              UUID        NOT NULL PRIMARY KEY,
    entity_type     VARCHAR(16) NOT NULL,
    entity_id       UUID        NOT NULL,
    did             TEXT        NOT NULL,
    registry_id     UUID        NOT NULL,
    transition      VARCHAR(16) NOT NULL,
    previous_status VARCHAR(16),
    new_status      VARCHAR(16) NOT NULL,
    reason          TEXT,
    actor_id        TEXT,
    actor_role      TEXT,
    request_id      TEXT,
    effective_at    TIMESTAMPTZ NOT NULL,
    sequence_number BIGINT      NOT NULL,
    CONSTRAINT status_history_entity_sequence_uk UNIQUE (entity_id, sequence_number)
);
CREATE INDEX status_history_entity_idx ON status_history (entity_type, entity_id, effective_at);
CREATE INDEX status_history_did_idx ON status_history (did, effective_at);

CREATE TABLE registry_entries (
    id          UUID        NOT NULL PRIMARY KEY,
    registry_id UUID        NOT NULL,
    entity_type VARCHAR(16) NOT NULL,
    entity_id   UUID        NOT NULL,
    did         TEXT        NOT NULL,
    entry_jws   TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    kid         TEXT        NOT NULL,
    version     BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT registry_entries_entity_version_uk UNIQUE (entity_type, entity_id, version)
);
CREATE INDEX registry_entries_registry_idx ON registry_entries (registry_id);
CREATE INDEX registry_entries_did_idx ON registry_entries (did);

CREATE TABLE federation_connections (
    id                       UUID        NOT NULL PRIMARY KEY,
    registry_id              UUID        NOT NULL,
    remote_registry_did      TEXT        NOT NULL,
    remote_registry_name     TEXT,
    remote_registry_endpoint TEXT,
    remote_registry_type     VARCHAR(16) NOT NULL,
    trust_level              TEXT,
    federation_agreement_url TEXT,
    recognitions             JSONB       NOT NULL DEFAULT '[]',
    valid_from               TIMESTAMPTZ,
    valid_until              TIMESTAMPTZ,
    status                   VARCHAR(16) NOT NULL,
    status_reason            TEXT,
    created_at               TIMESTAMPTZ NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL,
    version                  BIGINT      NOT NULL
);
CREATE INDEX federation_connections_registry_idx ON federation_connections (registry_id);
CREATE INDEX federation_connections_remote_did_idx ON federation_connections (remote_registry_did);

-- Every DID the registry knows, with the roles it plays (sorted, so a rebuild is identical).
CREATE TABLE did_directory (
    did              TEXT        NOT NULL PRIMARY KEY,
    did_method       TEXT        NOT NULL,
    roles            VARCHAR[]   NOT NULL DEFAULT '{}',
    service_type     TEXT,
    service_endpoint TEXT,
    metadata         JSONB       NOT NULL DEFAULT '{}',
    public_keys      JSONB       NOT NULL DEFAULT '[]',
    resolved_at      TIMESTAMPTZ,
    first_seen_at    TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX did_directory_method_idx ON did_directory (did_method);
CREATE INDEX did_directory_roles_idx ON did_directory USING gin (roles);

-- One row per event (id = event id, ordered by the event store's global index).
CREATE TABLE audit_logs (
    id            UUID         NOT NULL PRIMARY KEY,
    global_index  BIGINT       NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    actor_id      TEXT,
    actor_role    TEXT,
    request_id    TEXT,
    action        TEXT         NOT NULL,
    resource_type VARCHAR(32)  NOT NULL,
    resource_id   TEXT         NOT NULL,
    result        VARCHAR(16)  NOT NULL,
    details       JSONB        NOT NULL DEFAULT '{}',
    CONSTRAINT audit_logs_global_index_uk UNIQUE (global_index)
);
CREATE INDEX audit_logs_actor_idx ON audit_logs (actor_id, occurred_at);
CREATE INDEX audit_logs_resource_idx ON audit_logs (resource_type, resource_id, occurred_at);
CREATE INDEX audit_logs_action_idx ON audit_logs (action);
CREATE INDEX audit_logs_occurred_at_idx ON audit_logs (occurred_at);

-- Only a SHA-256 hash of each key is stored; the key itself is shown once, when issued.
CREATE TABLE api_keys (
    id           UUID        NOT NULL PRIMARY KEY,
    name         TEXT        NOT NULL,
    key_hash     CHAR(64)    NOT NULL,
    key_prefix   VARCHAR(16) NOT NULL,
    role         VARCHAR(32) NOT NULL,
    registry_id  UUID,
    expires_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    created_by   TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    CONSTRAINT api_keys_key_hash_uk UNIQUE (key_hash)
);
