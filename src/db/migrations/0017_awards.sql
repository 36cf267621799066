-- Award calculation (核定奖励测算): when a call's review is done, the rules engine computes each application's
-- award under the program's current rule version and allocates the budget. Each run is kept whole — its rule
-- version, the budget it allocated and its totals — with every application's amounts and explanation, so a
-- recalculation (after an upheld objection) never overwrites what was published before.

CREATE TABLE award_calculations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES calls (id),
  seq integer NOT NULL,
  rule_version_id uuid NOT NULL REFERENCES program_rule_versions (id),
  budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
  computed_total_fen bigint NOT NULL CHECK (computed_total_fen >= 0),
  allocated_total_fen bigint NOT NULL CHECK (allocated_total_fen >= 0 AND allocated_total_fen <= budget_fen),
  calculated_by uuid REFERENCES users (id),
  calculated_at timestamptz NOT NULL,
  UNIQUE (call_id, seq)
);

CREATE TABLE awards (
  calculation_id uuid NOT NULL REFERENCES award_calculations (id),
  application_id uuid NOT NULL REFERENCES applications (id),
  eligible boolean NOT NULL,
  computed_fen bigint NOT NULL CHECK (computed_fen >= 0),
  allocated_fen bigint NOT NULL CHECK (allocated_fen >= 0 AND allocated_fen <= computed_fen),
  CHECK (eligible OR computed_fen = 0),
  -- The engine's explanation: eligibility reasons and the calculation trace, in both languages.
  explanation jsonb NOT NULL,
  PRIMARY KEY (calculation_id, application_id)
);
CREATE INDEX awards_application ON awards (application_id);
