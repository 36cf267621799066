-- The applicant's inbox (消息): each status change an enterprise should know about, written in the transaction
-- of the change itself, so the inbox never misses a change and never tells of one that rolled back. Messages
-- belong to the enterprise (each of its users reads them); the reason given with the change (a return for
-- correction, a rejection, an upheld objection, an adjusted amount) travels with it.

CREATE TABLE inbox_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The order of writing, for changes made in the same instant.
  seq bigserial NOT NULL,
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  application_id uuid NOT NULL REFERENCES applications (id),
  action text NOT NULL,
  to_status text NOT NULL,
  reason text,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX inbox_messages_enterprise ON inbox_messages (enterprise_id, created_at DESC, seq DESC);
