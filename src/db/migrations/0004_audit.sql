-- The audit log (操作日志): append-only, hash-chained per stream (one record, e.g. 'program:<id>') so that
-- writers on different records never wait for each other. audit_streams holds each chain's head.

CREATE TABLE audit_streams (
  stream text PRIMARY KEY,
  last_seq integer NOT NULL CHECK (last_seq >= 0),
  last_hash text NOT NULL
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  stream text NOT NULL,
  seq integer NOT NULL CHECK (seq >= 1),
  prev_hash text NOT NULL,
  hash text NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_id uuid,
  actor_role text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  request_id text,
  UNIQUE (stream, seq)
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at);

-- Append-only: the application never updates or deletes an event. A DBA can still disable the trigger,
-- which is exactly what the hash chain is there to reveal.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
