-- A session ends at its absolute expiry however active it is (OWASP session management: an absolute timeout
-- on top of the idle one), so a stolen cookie cannot be kept alive forever by using it. Existing sessions get
-- the default lifetime of seven days from their creation.

ALTER TABLE sessions ADD COLUMN absolute_expires_at timestamptz;
UPDATE sessions SET absolute_expires_at = created_at + interval '7 days';
ALTER TABLE sessions ALTER COLUMN absolute_expires_at SET NOT NULL;
