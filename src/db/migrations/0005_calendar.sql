-- The working-day calendar (工作日) as administered data: one row per year with the State Council's holidays
-- and weekend make-up working days (调休上班), and every version it ever had. Deadlines and 公示 periods are
-- computed from these rows, so a correction by an administrator is a new version, never an edit in place.

CREATE TABLE calendar_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  source text NOT NULL CHECK (btrim(source) <> ''),
  holidays date[] NOT NULL DEFAULT '{}',
  makeup_workdays date[] NOT NULL DEFAULT '{}',
  version integer NOT NULL CHECK (version >= 1),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL,
  -- A day cannot be both off work and a make-up working day.
  CHECK (NOT (holidays && makeup_workdays))
);

CREATE TABLE calendar_year_versions (
  year integer NOT NULL REFERENCES calendar_years (year),
  version integer NOT NULL CHECK (version >= 1),
  source text NOT NULL,
  holidays date[] NOT NULL,
  makeup_workdays date[] NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (year, version)
);
