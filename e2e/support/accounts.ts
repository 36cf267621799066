// The demo accounts and where the suite keeps the administrator's TOTP secret between spec files (the
// server's data folder is fresh per run, so is this file).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_PASSWORD = 'Huiqi-demo-2023';
export const STAFF_USERNAMES = ['intake', 'expert', 'approver', 'finance', 'evaluator'] as const;

function secretFile(): string {
  const dir = process.env.HUIQI_E2E_DIR;
  if (!dir) throw new Error('HUIQI_E2E_DIR is set by playwright.config.ts');
  return join(dir, 'admin-totp-secret');
}

export function saveAdminSecret(secret: string): void {
  writeFileSync(secretFile(), secret);
}

export function adminSecret(): string | undefined {
  return existsSync(secretFile()) ? readFileSync(secretFile(), 'utf8').trim() : undefined;
}
