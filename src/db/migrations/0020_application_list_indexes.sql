-- The staff application list (申报受理) pages by keyset over a million applications: each page is a range of an
-- index, never a sort of the department's whole set. Staff are limited to their departments, so the department
-- must lead the index; it lives on the program, two joins away, and an index cannot span tables. Applications
-- therefore carry a copy of their program's department, which the database keeps: set on insert from the call,
-- and followed when a call moves to another program or a program to another department (no code does either
-- today; the copy must not go stale if one ever does). The copy needs no foreign key of its own: it is derived
-- through call_id → calls.program_id → programs.department_id, which are foreign keys.

ALTER TABLE applications ADD COLUMN department_id uuid;

CREATE FUNCTION applications_set_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT p.department_id INTO NEW.department_id
    FROM calls c JOIN programs p ON p.id = c.program_id WHERE c.id = NEW.call_id;
  RETURN NEW;
END $$;

CREATE TRIGGER applications_department BEFORE INSERT OR UPDATE OF call_id ON applications
  FOR EACH ROW EXECUTE FUNCTION applications_set_department();

CREATE FUNCTION applications_follow_department() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE applications a SET department_id = p.department_id
    FROM calls c JOIN programs p ON p.id = c.program_id
    WHERE c.id = a.call_id
      AND (TG_TABLE_NAME = 'calls' AND c.id = NEW.id OR TG_TABLE_NAME = 'programs' AND p.id = NEW.id);
  RETURN NULL;
END $$;

CREATE TRIGGER applications_follow_call AFTER UPDATE OF program_id ON calls
  FOR EACH ROW WHEN (OLD.program_id IS DISTINCT FROM NEW.program_id)
  EXECUTE FUNCTION applications_follow_department();
CREATE TRIGGER applications_follow_program AFTER UPDATE OF department_id ON programs
  FOR EACH ROW WHEN (OLD.department_id IS DISTINCT FROM NEW.department_id)
  EXECUTE FUNCTION applications_follow_department();

UPDATE applications a SET department_id = p.department_id
  FROM calls c JOIN programs p ON p.id = c.program_id WHERE c.id = a.call_id;
ALTER TABLE applications ALTER COLUMN department_id SET NOT NULL;

-- The list shows what reached staff: an application once submitted (a draft withdrawn before submission never
-- did), so the indexes are partial on submitted_at. One index per sort key; the status is the second column
-- because a page of several statuses reads one ordered range per status and merges them. The call-led pair
-- serves a list filtered to one call, which would otherwise skip through the department's other calls. The
-- enterprise is included so a search by enterprise filters the range without visiting the table.
CREATE INDEX applications_list_department_submitted
  ON applications (department_id, status, submitted_at, id) INCLUDE (enterprise_id)
  WHERE submitted_at IS NOT NULL;
CREATE INDEX applications_list_department_updated
  ON applications (department_id, status, updated_at, id) INCLUDE (enterprise_id)
  WHERE submitted_at IS NOT NULL;
CREATE INDEX applications_list_call_submitted
  ON applications (call_id, status, submitted_at, id) INCLUDE (enterprise_id)
  WHERE submitted_at IS NOT NULL;
CREATE INDEX applications_list_call_updated
  ON applications (call_id, status, updated_at, id) INCLUDE (enterprise_id)
  WHERE submitted_at IS NOT NULL;

-- The list's search is a prefix of the enterprise's name or of its USCC; text_pattern_ops lets LIKE 'prefix%'
-- use a btree whatever the database's collation.
CREATE INDEX enterprises_name_prefix ON enterprises (name text_pattern_ops);
CREATE INDEX enterprises_uscc_prefix ON enterprises (uscc text_pattern_ops);
