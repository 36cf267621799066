-- Failed sign-ins and registration attempts counted in the database, so every instance of the server sees
-- the same counts. One row per scope and key: `sign_in_pair` counts an account from one source address,
-- `sign_in_account` an account from all addresses, `registration_address` registrations from one address.
-- Accounts are the lower-cased username as typed, known or not, so an unknown name behaves like a real one.
-- The users table's own failure count and lock (0003) are no longer written.

CREATE TABLE auth_throttles (
  scope text NOT NULL CHECK (scope IN ('sign_in_pair', 'sign_in_account', 'registration_address')),
  -- '' where the scope has no account (registration) or no address (the account across all addresses).
  account text NOT NULL CHECK (char_length(account) <= 200),
  address text NOT NULL CHECK (char_length(address) <= 100),
  attempts integer NOT NULL CHECK (attempts >= 0),
  window_started_at timestamptz NOT NULL,
  blocked_until timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (scope, account, address)
);
-- The administrator's unlock lifts every row of one account.
CREATE INDEX auth_throttles_account_idx ON auth_throttles (account) WHERE account <> '';
