-- Enterprises and the statistics registry (统计登记): per enterprise and year, and per region for shares/ranks.
-- USD amounts are bigint cents.

CREATE TABLE enterprises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  uscc text NOT NULL UNIQUE CHECK (char_length(uscc) = 18),
  name text NOT NULL,
  district text NOT NULL,
  industry_cluster text,
  size_class text NOT NULL CHECK (size_class IN ('large', 'medium', 'small', 'micro')),
  stats_registered boolean NOT NULL DEFAULT false,
  stats_registered_on date,
  tax_registered boolean NOT NULL DEFAULT false,
  violations boolean NOT NULL DEFAULT false,
  -- A real code can fail the GB 32100-2015 check digit; staff may accept it with a written reason.
  uscc_override_by uuid,
  uscc_override_reason text,
  contact_name text,
  contact_phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((uscc_override_by IS NULL) = (uscc_override_reason IS NULL))
);
CREATE INDEX enterprises_district_idx ON enterprises (district);

CREATE TABLE enterprise_stats (
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  outsourcing_exec_usd_cents bigint NOT NULL DEFAULT 0 CHECK (outsourcing_exec_usd_cents >= 0),
  offshore_exec_usd_cents bigint NOT NULL DEFAULT 0 CHECK (offshore_exec_usd_cents >= 0),
  service_import_usd_cents bigint NOT NULL DEFAULT 0 CHECK (service_import_usd_cents >= 0),
  service_export_usd_cents bigint NOT NULL DEFAULT 0 CHECK (service_export_usd_cents >= 0),
  source text NOT NULL,
  PRIMARY KEY (enterprise_id, year)
);

CREATE TABLE region_stats (
  region_code text NOT NULL,
  region_name text NOT NULL,
  level text NOT NULL CHECK (level IN ('district', 'city')),
  parent_code text,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  outsourcing_exec_usd_cents bigint NOT NULL CHECK (outsourcing_exec_usd_cents >= 0),
  offshore_exec_usd_cents bigint NOT NULL CHECK (offshore_exec_usd_cents >= 0),
  service_import_usd_cents bigint NOT NULL CHECK (service_import_usd_cents >= 0),
  service_export_usd_cents bigint NOT NULL CHECK (service_export_usd_cents >= 0),
  newly_registered integer CHECK (newly_registered >= 0),
  PRIMARY KEY (region_code, year)
);
CREATE INDEX region_stats_parent_year_idx ON region_stats (parent_code, year);
