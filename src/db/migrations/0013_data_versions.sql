-- A version per body of data that many requests read and few writes change. A statement-level trigger on each
-- of its tables raises the version inside the writing transaction, so a reader that sees the new rows also sees
-- the new version. A server keeps a copy of such a read only together with the version it was read at and uses
-- it only while the version it reads with the request's session is the same (src/db/versioned-read.ts).

CREATE TABLE data_versions (
  name text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);

INSERT INTO data_versions (name) VALUES ('programs');

CREATE FUNCTION huiqi_raise_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_versions SET version = version + 1 WHERE name = TG_ARGV[0];
  RETURN NULL;
END;
$$;

-- The program list reads programs with their department, basis, milestones, calls and current rule version.
CREATE TRIGGER programs_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programs
  FOR EACH STATEMENT EXECUTE FUNCTION huiqi_raise_data_version('programs');
CREATE TRIGGER program_basis_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_basis
  FOR EACH STATEMENT EXECUTE FUNCTION huiqi_raise_data_version('programs');
CREATE TRIGGER program_milestones_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_milestones
  FOR EACH STATEMENT EXECUTE FUNCTION huiqi_raise_data_version('programs');
CREATE TRIGGER program_rule_versions_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_rule_versions
  FOR EACH STATEMENT EXECUTE FUNCTION huiqi_raise_data_version('programs');
CREATE TRIGGER calls_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calls
  FOR EACH STATEMENT EXECUTE FUNCTION huiqi_raise_data_version('programs');
CREATE TRIGGER departments_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION huiqi_raise_data_version('programs');
