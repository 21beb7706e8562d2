-- Idempotency-Key records (IETF httpapi idempotency-key header draft): per caller and key, the request
-- it was first used for and the answer it got. Command-side state, not a projection (never rebuilt):
-- the row is inserted by a command-handler interceptor in the transaction that appends the command's
-- events, before the handler runs, and completed with the answer in that same transaction. So a key
-- is recorded if and only if the events of its command are committed, and a concurrent duplicate
-- waits on the primary key until the first one commits (or rolls back). Only successful answers are
-- ever committed. Rows older than trust-registry.idempotency.retention (at least 24 h) are deleted.
CREATE TABLE idempotency_keys (
    caller_id             UUID         NOT NULL,  -- the API key that authenticated the request
    idempotency_key       VARCHAR(255) NOT NULL,
    fingerprint           CHAR(64)     NOT NULL,  -- SHA-256 (hex) of method, path, query and canonical body
    request_method        VARCHAR(16)  NOT NULL,
    request_target        TEXT         NOT NULL,  -- path and query, to tell a client what the key was used for
    request_id            VARCHAR(128),           -- X-Request-ID of the first request (also on its events)
    response_status       INTEGER,                -- NULL only inside the first request's own transaction
    response_location     TEXT,
    response_content_type TEXT,
    response_body         BYTEA,
    created_at            TIMESTAMPTZ  NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (caller_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
