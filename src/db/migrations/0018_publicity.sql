-- Publicity (公示): a calculation's award list published for the call's period — so many working days on the
-- official calendar, or calendar days — from the day it is published. The list is open until the end of its
-- last day, Beijing time (`closes_at`); a sweep marks it closed (`closed_at`) and audits that. A list published
-- again after an upheld objection is the next `seq`; one list of a call is open at a time.

CREATE TABLE publicity_lists (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id),
  calculation_id uuid NOT NULL REFERENCES award_calculations (id),
  seq integer NOT NULL,
  period_days integer NOT NULL CHECK (period_days > 0),
  period_kind text NOT NULL CHECK (period_kind IN ('workdays', 'calendar_days')),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  closes_at timestamptz NOT NULL,
  published_by uuid REFERENCES users (id),
  published_at timestamptz NOT NULL,
  closed_at timestamptz,
  UNIQUE (call_id, seq)
);
CREATE UNIQUE INDEX publicity_lists_one_open ON publicity_lists (call_id) WHERE closed_at IS NULL;
CREATE INDEX publicity_lists_due ON publicity_lists (closes_at) WHERE closed_at IS NULL;
