import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../shared/error-of';
import {
  addDecimal,
  compareDecimal,
  type Decimal,
  decimalFromBigint,
  decimalToString,
  divDecimal,
  divRound,
  mulDecimal,
  mulDecimalRound,
  normalizeDecimal,
  parseDecimal,
  roundDecimal,
  subDecimal,
} from './decimal';

const d = (text: string) => parseDecimal(text);

describe('parseDecimal', () => {
  it.each([
    ['6.7261', 67261n, 4],
    ['-0.5', -5n, 1],
    ['+3', 3n, 0],
    ['100', 100n, 0],
    ['12.5%', 125n, 3],
    ['100%', 100n, 2],
    ['0.001%', 1n, 5],
    ['007.10', 710n, 2],
    ['  6.5 ', 65n, 1],
  ])('parses %j', (text, coef, scale) => {
    expect(parseDecimal(text)).toEqual({ coef, scale });
  });

  it.each([
    'Infinity',
    '-Infinity',
    'NaN',
    '',
    '   ',
    '1e3',
    '1e309',
    '1E-2',
    '1.2.3',
    '1 000',
    '1,000',
    '.5',
    '5.',
    '0x10',
    '\u00001',
    '1\u0000',
    '--1',
    '%',
    '1%%',
    '１２',
    '1'.repeat(65),
  ])('refuses %j with DECIMAL_INVALID', (text) => {
    const error = errorOf(() => parseDecimal(text));
    expect(error.code).toBe('DECIMAL_INVALID');
    expect(error.kind).toBe('validation');
    expect(error.params.value).toBe(text.slice(0, 64));
  });
});

describe('decimalToString', () => {
  it.each([
    ['6.7261', 0, '6.7261'],
    ['12.5%', 0, '0.125'],
    ['100', 0, '100'],
    ['1.50', 0, '1.5'],
    ['1.5', 2, '1.50'],
    ['-0.05', 0, '-0.05'],
    ['-0', 0, '0'],
    ['0.000', 0, '0'],
    ['3', 2, '3.00'],
  ])('%j (minScale %i) → %j', (text, minScale, expected) => {
    expect(decimalToString(d(text), minScale)).toBe(expected);
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies and compares exactly', () => {
    expect(decimalToString(addDecimal(d('0.1'), d('0.2')))).toBe('0.3');
    expect(decimalToString(subDecimal(d('1'), d('0.999')))).toBe('0.001');
    expect(decimalToString(mulDecimal(d('6.7261'), d('1000000')))).toBe('6726100');
    expect(decimalToString(mulDecimal(d('-1.5'), d('12.5%')))).toBe('-0.1875');
    expect(compareDecimal(d('1.10'), d('1.1'))).toBe(0);
    expect(compareDecimal(d('-2'), d('1'))).toBe(-1);
    expect(compareDecimal(d('0.30'), d('0.299'))).toBe(1);
    expect(decimalFromBigint(42n)).toEqual({ coef: 42n, scale: 0 });
    expect(normalizeDecimal(d('2.5000'))).toEqual({ coef: 25n, scale: 1 });
  });

  it('rounds and divides to a scale', () => {
    expect(decimalToString(roundDecimal(d('2.345'), 2, 'half-up'))).toBe('2.35');
    expect(decimalToString(roundDecimal(d('2.345'), 2, 'down'))).toBe('2.34');
    expect(decimalToString(roundDecimal(d('-2.345'), 2, 'half-up'))).toBe('-2.35');
    expect(decimalToString(roundDecimal(d('2.3'), 3, 'down'), 3)).toBe('2.300');
    expect(decimalToString(divDecimal(d('1299600'), d('1299600'), 4, 'half-up'))).toBe('1');
    expect(decimalToString(divDecimal(d('2'), d('3'), 4, 'half-up'))).toBe('0.6667');
    expect(decimalToString(divDecimal(d('2'), d('3'), 4, 'down'))).toBe('0.6666');
    expect(decimalToString(divDecimal(d('71.47'), d('55.4031'), 2, 'half-up'))).toBe('1.29');
    expect(decimalToString(divDecimal(d('0.001'), d('8'), 2, 'half-up'))).toBe('0');
  });
});

describe('divRound', () => {
  it.each([
    [7n, 2n, 'half-up', 4n],
    [7n, 2n, 'down', 3n],
    [-7n, 2n, 'half-up', -4n],
    [-7n, 2n, 'down', -3n],
    [7n, -2n, 'half-up', -4n],
    [-7n, -2n, 'half-up', 4n],
    [5n, 3n, 'half-up', 2n],
    [4n, 3n, 'half-up', 1n],
    [4n, 3n, 'down', 1n],
    [-4n, 3n, 'half-up', -1n],
    [-5n, 3n, 'half-up', -2n],
    [-5n, 3n, 'down', -1n],
    [149n, 100n, 'half-up', 1n],
    [150n, 100n, 'half-up', 2n],
    [199n, 100n, 'down', 1n],
    [0n, 9n, 'half-up', 0n],
  ] as const)('%i / %i (%s) = %i', (n, m, mode, expected) => {
    expect(divRound(n, m, mode)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(errorOf(() => divRound(1n, 0n, 'down')).code).toBe('DECIMAL_DIVISION_BY_ZERO');
  });

  it('mulDecimalRound is rate × amount with one rounding', () => {
    expect(mulDecimalRound(100_000_000n, d('6.7261'), 'half-up')).toBe(672_610_000n);
    expect(mulDecimalRound(1n, d('6.7261'), 'half-up')).toBe(7n);
    expect(mulDecimalRound(1n, d('6.7261'), 'down')).toBe(6n);
    expect(mulDecimalRound(3n, d('0.5'), 'half-up')).toBe(2n);
    expect(mulDecimalRound(-3n, d('0.5'), 'half-up')).toBe(-2n);
    expect(mulDecimalRound(-3n, d('0.5'), 'down')).toBe(-1n);
  });
});

const decimalArb: fc.Arbitrary<Decimal> = fc.record({
  coef: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
  scale: fc.integer({ min: 0, max: 12 }),
});

describe('properties', () => {
  it('parse ∘ toString is the identity on values, toString ∘ parse is canonical', () => {
    fc.assert(
      fc.property(decimalArb, fc.integer({ min: 0, max: 6 }), (x, minScale) => {
        const text = decimalToString(x, minScale);
        expect(compareDecimal(parseDecimal(text), x)).toBe(0);
        expect(decimalToString(parseDecimal(text), minScale)).toBe(text);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      }),
    );
  });

  it('divRound: half-up is within half a unit, down is within one unit toward zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.boolean(),
        (n, m0, negate) => {
          const m = negate ? -m0 : m0;
          const up = divRound(n, m, 'half-up');
          const down = divRound(n, m, 'down');
          const abs = (x: bigint) => (x < 0n ? -x : x);
          // |n/m − q| ≤ 1/2  ⇔  |n − q·m| · 2 ≤ |m|
          expect(2n * abs(n - up * m) <= abs(m)).toBe(true);
          // down truncates: |q| ≤ |n/m| < |q| + 1
          expect(abs(down * m) <= abs(n)).toBe(true);
          expect(abs(n) < (abs(down) + 1n) * abs(m)).toBe(true);
          // half-up is down or one unit further from zero, never toward zero
          expect(abs(up) - abs(down) === 0n || abs(up) - abs(down) === 1n).toBe(true);
          expect(divRound(-n, m, 'half-up')).toBe(-up);
        },
      ),
    );
  });

  it('addition and subtraction invert each other exactly', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        expect(compareDecimal(subDecimal(addDecimal(a, b), b), a)).toBe(0);
      }),
    );
  });
});
