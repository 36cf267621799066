-- Correction requests (退回补正): what intake asks the applicant to correct — per item, each with its reason — and
-- by when: so many working days on the official calendar after the day of the return, until the end of that day,
-- Beijing time. Answered when the applicant submits again in time; a request still open at its end lapses, and
-- a sweep rejects the application with that reason. Every request of an application is kept, in order.

CREATE TABLE correction_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  -- [{ "subject": a material kind, "declared_figures" or "commitment", "reason": text }]
  items jsonb NOT NULL,
  workdays integer NOT NULL CHECK (workdays BETWEEN 1 AND 30),
  due_on date NOT NULL,
  due_at timestamptz NOT NULL,
  requested_by uuid REFERENCES users (id),
  requested_at timestamptz NOT NULL,
  answered_at timestamptz,
  lapsed_at timestamptz,
  CHECK (answered_at IS NULL OR lapsed_at IS NULL)
);
CREATE INDEX correction_requests_application ON correction_requests (application_id, requested_at DESC);
CREATE INDEX correction_requests_due ON correction_requests (due_at) WHERE answered_at IS NULL AND lapsed_at IS NULL;
