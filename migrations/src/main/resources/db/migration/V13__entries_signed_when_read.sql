-- A registry entry is signed when it is first read, not when it is projected (Ed25519 signing costs about 0.5 ms, more
-- than the rest of a write's projection work; most entries are superseded before anyone reads them). The signature is
-- deterministic, so signing later gives exactly the bytes signing at once would have given; it is kept once made.
ALTER TABLE registry_entries ALTER COLUMN entry_jws DROP NOT NULL;
