import { describe, expect, it } from 'vitest';
import { acceptTotp, generateTotpSecret, otpauthUrl, totpCode, totpStep } from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below); the 8-digit values' last 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
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

  it('accepts one step of drift either way and no more, naming the step of the code', () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCode(RFC_SECRET, now);
    const step = totpStep(now);
    expect(acceptTotp(RFC_SECRET, code, new Date(now.getTime() + 30_000), null)).toBe(step);
    expect(acceptTotp(RFC_SECRET, code, new Date(now.getTime() - 30_000), null)).toBe(step);
    expect(acceptTotp(RFC_SECRET, code, new Date(now.getTime() + 90_000), null)).toBeNull();
    expect(acceptTotp(RFC_SECRET, 'abcdef', now, null)).toBeNull();
  });

  it('refuses a code whose step is at or before the last one accepted', () => {
    const now = new Date(1_700_000_000_000);
    const step = totpStep(now);
    const code = totpCode(RFC_SECRET, now);
    expect(acceptTotp(RFC_SECRET, code, now, step)).toBeNull();
    expect(acceptTotp(RFC_SECRET, code, now, step + 1)).toBeNull();
    expect(acceptTotp(RFC_SECRET, code, now, step - 1)).toBe(step);
    const next = totpCode(RFC_SECRET, new Date(now.getTime() + 30_000));
    expect(acceptTotp(RFC_SECRET, next, now, step)).toBe(step + 1);
  });

  it('makes 160-bit base32 secrets', () => {
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('writes an otpauth URL authenticator apps understand', () => {
    const url = new URL(otpauthUrl('JBSWY3DPEHPK3PXP', 'admin', 'Huiqi'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Huiqi:admin');
    expect(url.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
    expect(url.searchParams.get('issuer')).toBe('Huiqi');
    expect(url.searchParams.get('period')).toBe('30');
    expect(url.searchParams.get('digits')).toBe('6');
  });
});
