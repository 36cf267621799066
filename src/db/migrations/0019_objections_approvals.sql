-- Objections (异议) to a published award list, and the approval (审批) of the list once its period has closed.
--
-- Anyone may object during the period, under their real name with a way to reach them; an objection may name
-- one entry of the list (an application) or the list as a whole. Staff record the investigation and the
-- resolution. An upheld objection removes the award it names, or reduces it to at most `limit_fen` (核减): the
-- call's awards are calculated again — every later calculation honours the limit — and the new list is published
-- for a new period; the list it replaces is kept, marked `superseded_at`.
--
-- An approval keeps, per application, the amount approved — the allocated amount or, when the approver adjusted
-- it, that amount with the written reason — and who approved it when. The approved amounts of a program's
-- applications never add up to more than its budget: approvals take the program's row lock and check the sum.

CREATE TABLE objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  list_id uuid NOT NULL REFERENCES publicity_lists (id),
  application_id uuid REFERENCES applications (id),
  filer_name text NOT NULL CHECK (length(btrim(filer_name)) > 0),
  contact text NOT NULL CHECK (length(btrim(contact)) > 0),
  reasons text NOT NULL CHECK (length(btrim(reasons)) > 0),
  filed_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'dismissed')),
  investigation text,
  resolution text,
  remedy text CHECK (remedy IN ('remove', 'reduce')),
  limit_fen bigint CHECK (limit_fen >= 0),
  CHECK ((remedy = 'reduce') = (limit_fen IS NOT NULL)),
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  CHECK ((status = 'open') = (resolved_at IS NULL)),
  CHECK (status = 'open' OR (investigation IS NOT NULL AND resolution IS NOT NULL)),
  CHECK (remedy IS NULL OR status = 'upheld')
);
CREATE INDEX objections_list ON objections (list_id, filed_at);
CREATE INDEX objections_open ON objections (list_id) WHERE status = 'open';

ALTER TABLE publicity_lists ADD COLUMN superseded_at timestamptz;

CREATE TABLE award_approvals (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  program_id uuid NOT NULL REFERENCES programs (id),
  list_id uuid NOT NULL REFERENCES publicity_lists (id),
  allocated_fen bigint NOT NULL CHECK (allocated_fen >= 0),
  approved_fen bigint NOT NULL CHECK (approved_fen >= 0),
  -- An amount other than the allocated one is approved only with the approver's written reason.
  adjustment_reason text,
  CHECK (approved_fen = allocated_fen OR length(btrim(adjustment_reason)) > 0),
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz NOT NULL
);
CREATE INDEX award_approvals_program ON award_approvals (program_id);

-- Objections are filed anonymously over the network: a few per hour per source address, counted for every instance.
ALTER TABLE auth_throttles DROP CONSTRAINT auth_throttles_scope_check;
ALTER TABLE auth_throttles ADD CONSTRAINT auth_throttles_scope_check
  CHECK (scope IN ('sign_in_pair', 'sign_in_account', 'registration_address', 'objection_address'));
