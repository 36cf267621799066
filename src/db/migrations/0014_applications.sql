-- Applications (申报): one enterprise's application under one clause of a call, its declared figures and its
-- status (src/shared/application-workflow.ts), with every status change kept in order. An enterprise holds at
-- most one live application per clause of a call; a withdrawn one does not count, so it may apply again.

CREATE TABLE applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  clause text NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'intake_passed', 'in_expert_review',
    'reviewed', 'calculated', 'in_publicity', 'approved', 'paid', 'rejected', 'withdrawn')),
  -- Declared figures of the statistics year: metric → USD as a decimal string with at most two decimals.
  declared jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  -- Raised by every change: a client's edit names the version it saw, so a stale edit is refused, not merged.
  version integer NOT NULL DEFAULT 1
);

CREATE UNIQUE INDEX applications_one_live_per_clause ON applications (call_id, enterprise_id, clause)
  WHERE status <> 'withdrawn';
CREATE INDEX applications_enterprise ON applications (enterprise_id, created_at DESC);
CREATE INDEX applications_call_status ON applications (call_id, status);

CREATE TABLE application_status_changes (
  application_id uuid NOT NULL REFERENCES applications (id),
  seq integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  actor_id uuid REFERENCES users (id),
  at timestamptz NOT NULL,
  PRIMARY KEY (application_id, seq)
);
