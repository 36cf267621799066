-- Departments, policies and their clauses, programs with basis, milestones and versioned rules, calls.
-- Money is bigint fen (分); kinds and statuses are text with CHECK lists so a new value is one migration.

CREATE TABLE departments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  region_code text NOT NULL,
  region_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id uuid REFERENCES departments (id),
  doc_number text NOT NULL UNIQUE,
  title text NOT NULL,
  issuer text NOT NULL,
  effective_from date NOT NULL,
  effective_to date,
  url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to >= effective_from)
);

CREATE TABLE policy_clauses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  policy_id uuid NOT NULL REFERENCES policies (id),
  citation text NOT NULL,
  summary text NOT NULL,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (policy_id, citation, version)
);

CREATE TABLE programs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  department_id uuid NOT NULL REFERENCES departments (id),
  budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
  fund_source text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'completed')),
  current_rule_version_id uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX programs_department_year_idx ON programs (department_id, year);

CREATE TABLE program_basis (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 0),
  kind text NOT NULL CHECK (kind IN ('policy', 'fund_rules', 'guide', 'work_plan')),
  doc_number text,
  title text NOT NULL,
  citation text,
  PRIMARY KEY (program_id, position)
);

CREATE TABLE program_milestones (
  program_id uuid NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('call_open', 'collection', 'review', 'publicity', 'approval', 'payment')),
  planned_on date NOT NULL,
  actual_on date,
  note text,
  PRIMARY KEY (program_id, kind)
);

CREATE TABLE program_rule_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id uuid NOT NULL REFERENCES programs (id),
  version integer NOT NULL CHECK (version >= 1),
  definition jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, version)
);

-- A program pins the rule version it runs; the pinned version must belong to the same program.
ALTER TABLE program_rule_versions ADD CONSTRAINT program_rule_versions_id_program_key UNIQUE (id, program_id);
ALTER TABLE programs ADD CONSTRAINT programs_current_rule_version_fk
  FOREIGN KEY (current_rule_version_id, id) REFERENCES program_rule_versions (id, program_id);

CREATE TABLE calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  program_id uuid NOT NULL REFERENCES programs (id),
  code text NOT NULL UNIQUE,
  title text NOT NULL,
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  guide text NOT NULL DEFAULT '',
  publicity_days integer NOT NULL CHECK (publicity_days BETWEEN 1 AND 60),
  publicity_kind text NOT NULL CHECK (publicity_kind IN ('workdays', 'calendar_days')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at)
);
CREATE INDEX calls_program_idx ON calls (program_id);
