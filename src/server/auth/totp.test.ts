import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  otpauthUrl,
  totpCode,
  verifyTotp,
} from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the 8-digit values' last 6 digits.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: [number, string][] = [
  [59, '287082'],
  [1111111109, '081804'],
  [1111111111, '050471'],
  [1234567890, '005924'],
  [2000000000, '279037'],
  [20000000000, '353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('at %i s gives %s', (seconds, code) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  it('matches RFC 4226 HOTP values', () => {
    const secret = Buffer.from('12345678901234567890', 'ascii');
    expect([0, 1, 9].map((c) => hotp(secret, c))).toEqual(['755224', '287082', '520489']);
  });

  it('accepts one step of drift either way and no more', () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, code, new Date(now.getTime() + 30_000))).toBe(true);
    expect(verifyTotp(RFC_SECRET, code, new Date(now.getTime() - 30_000))).toBe(true);
    expect(verifyTotp(RFC_SECRET, code, new Date(now.getTime() + 90_000))).toBe(false);
    expect(verifyTotp(RFC_SECRET, 'abcdef', now)).toBe(false);
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it('writes an otpauth URL authenticator apps understand', () => {
    const url = new URL(otpauthUrl('JBSWY3DPEHPK3PXP', 'admin', 'Huiqi'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(url.searchParams.get('period')).toBe('30');
  });
});
