-- Which trust frameworks exist and their status: what the command side checks when a registry,
-- schema, issuer or verifier references one (a retired framework takes no new references).
CREATE TABLE framework_catalog (
    framework_id UUID        NOT NULL PRIMARY KEY,
    status       VARCHAR(16) NOT NULL
);
