import { describe, expect, it } from 'vitest';
import { createSealer, randomToken, safeEqual, sha256Hex } from './crypto';

describe('sealing secrets at rest', () => {
  const sealer = createSealer('a key of at least thirty-two characters!');

  it('round-trips and never repeats a ciphertext', () => {
    const a = sealer.seal('JBSWY3DPEHPK3PXP');
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealer.seal('JBSWY3DPEHPK3PXP')).not.toBe(a);
    expect(sealer.open(a)).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const sealed = sealer.seal('secret');
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    expect(() => sealer.open([parts[0], parts[1], parts[2], body.toString('base64url')].join(':'))).toThrow();
    expect(() => createSealer('another key of at least thirty-two chars').open(sealed)).toThrow();
  });

  it('makes 32-byte tokens and hashes them', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
