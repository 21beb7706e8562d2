-- The DID directory records resolution: where the current public keys came from, and the last
-- attempt's failure (cleared by the next success). Projected from DidResolved / DidResolutionFailed.
ALTER TABLE did_directory
    ADD COLUMN resolution_source    TEXT,
    ADD COLUMN resolution_error     TEXT,
    ADD COLUMN resolution_failed_at TIMESTAMPTZ;
CREATE INDEX did_directory_service_type_idx ON did_directory (service_type);

-- Resolving a DID first checks that the registry knows it, by DID alone (the key starts with entity_type).
CREATE INDEX entity_did_claims_did_idx ON entity_did_claims (did);
