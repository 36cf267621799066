import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../shared/error-of';
import { acceptUscc, checkUscc, makeUscc, normalizeUscc, USCC_CHARSET } from './uscc';

// The example code widely cited with GB 32100 and codes published by real registered enterprises (names
// deliberately left out). A random 18-character string passes the check with probability 1/31, so five
// published codes passing is evidence the weights and charset are right.
const VALID = [
  '91350100M000100Y43',
  '91440300708461136T',
  '91110108551385082Q',
  '91330100716105852F',
  '91110000710925462X',
];

describe('normalizeUscc', () => {
  it.each([
    ['  91350100m000100y43 ', '91350100M000100Y43'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['91350100-M000100Y4-3', '91350100M000100Y43'],
    ['\u30009135\u30000100M000100Y43', '91350100M000100Y43'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeUscc(input)).toBe(expected);
  });
});

describe('checkUscc', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, uscc: code });
  });

  it('accepts lowercase and spaced input, returning the normalized code', () => {
    expect(checkUscc(' 91440300 708461136t ')).toEqual({ ok: true, uscc: '91440300708461136T' });
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000100O43', 'charset'],
    ['91350100M000100I43', 'charset'],
    ['91350100Z000100Y43', 'charset'],
    ['91350100S000100Y43', 'charset'],
    ['91350100V000100Y43', 'charset'],
    ['91350100M000100Y4?', 'charset'],
    ['９1350100M000100Y43', 'charset'],
  ])('refuses %j: %s', (code, reason) => {
    const result = checkUscc(code);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe(reason);
  });

  it('names the expected check character when only it is wrong', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({
      ok: false,
      uscc: '91350100M000100Y44',
      reason: 'check_digit',
      expected: '3',
    });
  });

  it('detects every single-character substitution and adjacent transposition of a valid code', () => {
    for (const code of VALID) {
      for (let i = 0; i < 18; i += 1) {
        for (const ch of USCC_CHARSET) {
          if (ch === code[i]) continue;
          expect(checkUscc(code.slice(0, i) + ch + code.slice(i + 1)).ok).toBe(false);
        }
        if (i < 17 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(checkUscc(swapped).ok).toBe(false);
        }
      }
    }
  });
});

describe('acceptUscc', () => {
  it('returns a valid code without override', () => {
    expect(acceptUscc('91350100m000100y43')).toEqual({ uscc: '91350100M000100Y43' });
  });

  it('refuses a failing check character without override', () => {
    const error = errorOf(() => acceptUscc('91350100M000100Y44'));
    expect(error.code).toBe('USCC_INVALID');
    expect(error.kind).toBe('validation');
    expect(error.params).toMatchObject({ uscc: '91350100M000100Y44', reason: 'check_digit', expected: '3' });
  });

  it('accepts a failing check character with an override that gives a reason', () => {
    expect(acceptUscc('91350100M000100Y44', { by: 'user-7', reason: ' 营业执照原件核对无误 ' })).toEqual({
      uscc: '91350100M000100Y44',
      override: { by: 'user-7', reason: '营业执照原件核对无误' },
    });
  });

  it('requires a non-empty override reason', () => {
    for (const reason of ['', '   ']) {
      expect(errorOf(() => acceptUscc('91350100M000100Y44', { by: 'user-7', reason })).code).toBe(
        'USCC_OVERRIDE_REASON_REQUIRED',
      );
    }
  });

  it('never overrides a wrong length or charset', () => {
    const override = { by: 'user-7', reason: '核对无误' };
    expect(errorOf(() => acceptUscc('91350100M000100Y4', override)).params.reason).toBe('length');
    expect(errorOf(() => acceptUscc('91350100M000100O43', override)).params.reason).toBe('charset');
  });
});

describe('makeUscc', () => {
  it('appends the check character', () => {
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43');
    for (const code of VALID) expect(makeUscc(code.slice(0, 17))).toBe(code);
  });

  it('refuses a body of the wrong length or charset', () => {
    expect(errorOf(() => makeUscc('9135')).code).toBe('USCC_INVALID');
    expect(errorOf(() => makeUscc('91350100M000100O4')).code).toBe('USCC_INVALID');
  });

  it('always produces a code that checks', () => {
    const body = fc
      .array(fc.constantFrom(...USCC_CHARSET), { minLength: 17, maxLength: 17 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(body, (b) => {
        const code = makeUscc(b);
        expect(code.startsWith(b)).toBe(true);
        expect(checkUscc(code).ok).toBe(true);
      }),
    );
  });
});
