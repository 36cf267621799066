-- TOTP codes are accepted once (RFC 6238 §5.2): the time step of the last code accepted for each user, so a
-- code seen over a shoulder or in a proxy log cannot be used again within its window. And the demo's flag
-- that lets a demo account skip two-factor sign-in; the server honours it only in the development demo.

ALTER TABLE users ADD COLUMN totp_last_step bigint CHECK (totp_last_step >= 0);
ALTER TABLE users ADD COLUMN totp_optional_in_demo boolean NOT NULL DEFAULT false;
