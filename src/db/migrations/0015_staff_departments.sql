-- Staff work for departments (主管部门): a staff user reaches the programs of its departments, their calls and
-- their applications, and nothing of another department's. Administrators run the platform and are not limited
-- to a department. A status change may carry the reason staff gave (a rejection, a return for correction).

CREATE TABLE staff_departments (
  user_id uuid NOT NULL REFERENCES users (id),
  department_id uuid NOT NULL REFERENCES departments (id),
  PRIMARY KEY (user_id, department_id)
);
CREATE INDEX staff_departments_department ON staff_departments (department_id);

ALTER TABLE application_status_changes ADD COLUMN reason text;
