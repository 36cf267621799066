// Time-based one-time passwords, RFC 6238 (HMAC-SHA-1, 30-second steps, 6 digits), with one step of clock
// drift accepted either way, as authenticator apps expect. The maintained `otpauth` library does the
// arithmetic; this module fixes the parameters and says which time step a code belongs to, so callers can
// refuse a code whose step was already used (RFC 6238 §5.2: a code is accepted at most once).
import { Secret, TOTP } from 'otpauth';

const STEP_SECONDS = 30;
const DIGITS = 6;
const DRIFT_STEPS = 1;

function totp(secretBase32: string, label = 'user', issuer = ''): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: STEP_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret (the RFC 4226 recommended length), base32-encoded. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step (counter) that `now` falls in. */
export function totpStep(now: Date): number {
  return TOTP.counter({ period: STEP_SECONDS, timestamp: now.getTime() });
}

/** The code an authenticator shows at `now`. */
export function totpCode(secretBase32: string, now: Date): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() });
}

/**
 * The time step of `code` when it matches the step of `now` or one step before or after; null otherwise.
 * A step at or before `lastUsedStep` is refused: that code (or an older one) was already accepted.
 */
export function acceptTotp(
  secretBase32: string,
  code: string,
  now: Date,
  lastUsedStep: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: now.getTime(), window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = totpStep(now) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}

/** The otpauth:// URL authenticator apps read from a QR code. */
export function otpauthUrl(secretBase32: string, accountName: string, issuer: string): string {
  return totp(secretBase32, accountName, issuer).toString();
}
