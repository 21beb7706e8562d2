-- Where each projection stands: every event up to this global index is in its tables. Projections are
-- run by the application's own projection engine (one reader below the stable head of the gapless
-- stream, one transaction per batch for all of them), so a position is one number, written in the same
-- transaction as the rows it covers. A projection without a row is rebuilt from the start, which is
-- what happens once to every projection of an older data directory (its Axon tokens are dropped here).
CREATE TABLE projection_position (
    projection  VARCHAR(100) PRIMARY KEY,
    position    BIGINT       NOT NULL CHECK (position >= -1),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

DELETE FROM token_entry WHERE processor_name <> 'delegation-cascade';
