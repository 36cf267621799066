-- Users (one role each; an applicant belongs to exactly one enterprise) and server-side sessions.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username = lower(username) AND char_length(username) BETWEEN 2 AND 64),
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('applicant', 'intake', 'expert', 'approver', 'finance', 'evaluator', 'admin')),
  enterprise_id uuid REFERENCES enterprises (id),
  password_hash text NOT NULL,
  -- Encrypted with the application key, never plain.
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'zh-CN',
  failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
  locked_until timestamptz,
  disabled_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'applicant') = (enterprise_id IS NOT NULL)),
  CHECK (NOT totp_enabled OR totp_secret IS NOT NULL)
);
CREATE INDEX users_enterprise_idx ON users (enterprise_id) WHERE enterprise_id IS NOT NULL;

ALTER TABLE enterprises ADD CONSTRAINT enterprises_uscc_override_by_fk
  FOREIGN KEY (uscc_override_by) REFERENCES users (id);
ALTER TABLE program_rule_versions ADD CONSTRAINT program_rule_versions_created_by_fk
  FOREIGN KEY (created_by) REFERENCES users (id);

CREATE TABLE sessions (
  -- sha256 hex of the token: a leaked table does not leak usable tokens.
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
