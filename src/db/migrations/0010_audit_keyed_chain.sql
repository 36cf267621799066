-- The audit chain becomes keyed: each hash is an HMAC with a key from the configuration that the database
-- never holds, so someone who can edit rows cannot recompute the chain. Events written before this change
-- keep their plain sha256 hashes and are marked as such; every new event is keyed.
ALTER TABLE audit_events ADD COLUMN keyed boolean NOT NULL DEFAULT false;
ALTER TABLE audit_events ALTER COLUMN keyed SET DEFAULT true;
