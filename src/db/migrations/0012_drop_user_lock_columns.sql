-- Sign-in failures and delays live in auth_throttles since 0007; the users table's own count and lock were
-- no longer written or read.

ALTER TABLE users DROP COLUMN failed_login_count;
ALTER TABLE users DROP COLUMN locked_until;
