-- Command-side state of federation connections (like V4's tables: written in the transaction that
-- appends the connection's events, never rebuilt). A registry has at most one connection to a remote
-- registry DID that is not TERMINATED: the partial unique index decides between concurrent commands,
-- and the loser's events roll back with its insert. A terminated connection frees the DID for a new one.
CREATE TABLE federation_catalog (
    connection_id       UUID        NOT NULL PRIMARY KEY,
    registry_id         UUID        NOT NULL,
    remote_registry_did TEXT        NOT NULL,
    status              VARCHAR(16) NOT NULL
);
CREATE UNIQUE INDEX federation_catalog_open_connection_uk ON federation_catalog (registry_id, remote_registry_did)
    WHERE status <> 'TERMINATED';
