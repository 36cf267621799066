// What an authenticator app does (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), so the tests can
// enrol and sign in an administrator from the secret the page shows.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STEP_MS = 30_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(input: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of input.toUpperCase().replace(/[\s=]/g, '')) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code for the given time. */
export function totpCode(secret: string, now = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / STEP_MS)));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

function usedStepFile(): string {
  const dir = process.env.HUIQI_E2E_DIR;
  if (!dir) throw new Error('HUIQI_E2E_DIR is set by playwright.config.ts');
  return join(dir, 'totp-last-step');
}

/** A code from a time step after the last one used, waiting for that step to begin if it has not. */
export async function freshTotpCode(secret: string): Promise<string> {
  const used = existsSync(usedStepFile()) ? Number(readFileSync(usedStepFile(), 'utf8')) : -1;
  let step = Math.floor(Date.now() / STEP_MS);
  if (step <= used) {
    await new Promise((resolve) => setTimeout(resolve, (used + 1) * STEP_MS - Date.now() + 200));
    step = Math.floor(Date.now() / STEP_MS);
  }
  writeFileSync(usedStepFile(), String(step));
  return totpCode(secret, step * STEP_MS);
}
