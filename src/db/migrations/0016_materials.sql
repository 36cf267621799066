-- Materials (申报材料): what a call requires, per clause as any-of groups (src/shared/materials.ts), the files an
-- applicant uploads for an application, and the commitment (信用承诺书) it signs. A file's bytes live in the
-- file store under their SHA-256; the row keeps what the applicant called it and what its content is. A removed
-- material keeps its row (who removed it and when), so nothing an applicant once handed in is lost.

ALTER TABLE calls ADD COLUMN materials jsonb NOT NULL
  DEFAULT '{"always": [], "clauses": {}, "commitment": false}'::jsonb;

CREATE TABLE application_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES applications (id),
  kind text NOT NULL CHECK (kind IN ('business_license', 'special_audit_report', 'contract_copies', 'fx_receipts',
    'bank_account', 'other')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  file_type text NOT NULL CHECK (file_type IN ('pdf', 'jpeg', 'png', 'ofd')),
  original_name text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
  -- not_scanned when no virus scanner is configured.
  scan_status text NOT NULL DEFAULT 'not_scanned' CHECK (scan_status IN ('not_scanned', 'clean', 'quarantined')),
  uploaded_by uuid NOT NULL REFERENCES users (id),
  uploaded_at timestamptz NOT NULL,
  removed_by uuid REFERENCES users (id),
  removed_at timestamptz,
  CHECK ((removed_by IS NULL) = (removed_at IS NULL))
);
CREATE INDEX application_materials_live ON application_materials (application_id, uploaded_at)
  WHERE removed_at IS NULL;

-- The commitment as signed: the words the signer read, the name they typed, who they were and when.
ALTER TABLE applications
  ADD COLUMN commitment_text text,
  ADD COLUMN commitment_signer_name text,
  ADD COLUMN commitment_signed_by uuid REFERENCES users (id),
  ADD COLUMN commitment_signed_at timestamptz,
  ADD CONSTRAINT applications_commitment_whole CHECK (
    (commitment_signed_at IS NULL) = (commitment_text IS NULL)
    AND (commitment_signed_at IS NULL) = (commitment_signer_name IS NULL)
    AND (commitment_signed_at IS NULL) = (commitment_signed_by IS NULL));
