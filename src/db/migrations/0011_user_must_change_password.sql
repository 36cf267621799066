-- A password an administrator set (a reset) is known to someone other than the user: until the user chooses
-- a new one, their session reaches only the change-password route (OWASP ASVS 2.5: reset credentials are
-- temporary).

ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
