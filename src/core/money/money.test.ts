import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../shared/error-of';
import { ROUNDING_MODES } from './decimal';
import {
  cents,
  fen,
  formatWanYuan,
  formatYuan,
  maxFen,
  minFen,
  parseUsd,
  parseYuan,
  ROUNDING_UNITS,
  type RoundingUnit,
  roundFen,
  sumFen,
  UNIT_FEN,
  usdString,
  yuanString,
} from './money';

describe('parseYuan / parseUsd', () => {
  it.each([
    ['1299600.00', 129_960_000n],
    ['1,299,600', 129_960_000n],
    ['1,299,600.5', 129_960_050n],
    ['0.05', 5n],
    ['-12.3', -1230n],
    ['+7', 700n],
    ['1.500', 150n],
    ['  42 ', 4200n],
    ['9223372036854775.07', 922_337_203_685_477_507n],
  ])('parses %j', (text, expected) => {
    expect(parseYuan(text)).toBe(expected);
    expect(parseUsd(text)).toBe(expected);
  });

  it.each([
    '129.96万',
    '¥100',
    '$100',
    '1e3',
    'Infinity',
    'NaN',
    '',
    '1.2.3',
    '12,99,600',
    '1,2996,00',
    ',100',
    '1 000',
    '\u0000',
    '10\u0000',
    '.5',
  ])('refuses %j with MONEY_INVALID', (text) => {
    const error = errorOf(() => parseYuan(text));
    expect(error.code).toBe('MONEY_INVALID');
    expect(error.kind).toBe('validation');
    expect(error.params.currency).toBe('CNY');
  });

  it.each(['1.001', '0.125', '-3.14159'])('refuses %j with MONEY_TOO_PRECISE', (text) => {
    expect(errorOf(() => parseYuan(text)).code).toBe('MONEY_TOO_PRECISE');
    expect(errorOf(() => parseUsd(text)).params.currency).toBe('USD');
  });

  it('refuses amounts that would not fit a bigint column', () => {
    expect(errorOf(() => parseYuan('92233720368547758.08')).code).toBe('MONEY_OUT_OF_RANGE');
    expect(errorOf(() => parseYuan('-92233720368547758.08')).code).toBe('MONEY_OUT_OF_RANGE');
  });
});

describe('yuanString / usdString', () => {
  it.each([
    [129_960_000n, '1299600.00'],
    [0n, '0.00'],
    [5n, '0.05'],
    [-5n, '-0.05'],
    [-123_456n, '-1234.56'],
    [100n, '1.00'],
  ])('%i → %j', (value, expected) => {
    expect(yuanString(fen(value))).toBe(expected);
    expect(usdString(cents(value))).toBe(expected);
  });
});

describe('roundFen', () => {
  // 1,234,567.85 元 = 123,456,785 fen, rounded at every unit with both modes; and its negative.
  const table: [RoundingUnit, bigint, bigint][] = [
    ['fen', 123_456_785n, 123_456_785n],
    ['jiao', 123_456_790n, 123_456_780n],
    ['yuan', 123_456_800n, 123_456_700n],
    ['hundred_yuan', 123_460_000n, 123_450_000n],
    ['thousand_yuan', 123_500_000n, 123_400_000n],
    ['wan_yuan', 123_000_000n, 123_000_000n],
  ];
  it.each(table)('%s: half-up %i, down %i', (unit, halfUp, down) => {
    expect(roundFen(fen(123_456_785n), unit, 'half-up')).toBe(halfUp);
    expect(roundFen(fen(123_456_785n), unit, 'down')).toBe(down);
    expect(roundFen(fen(-123_456_785n), unit, 'half-up')).toBe(-halfUp);
    expect(roundFen(fen(-123_456_785n), unit, 'down')).toBe(-down);
  });

  it('rounds an exact half away from zero with half-up', () => {
    expect(roundFen(fen(50n), 'yuan', 'half-up')).toBe(100n);
    expect(roundFen(fen(49n), 'yuan', 'half-up')).toBe(0n);
    expect(roundFen(fen(-50n), 'yuan', 'half-up')).toBe(-100n);
    expect(roundFen(fen(500_000n), 'wan_yuan', 'half-up')).toBe(1_000_000n);
    expect(roundFen(fen(999_999n), 'wan_yuan', 'down')).toBe(0n);
  });

  it('exposes the unit sizes', () => {
    expect(UNIT_FEN).toEqual({
      fen: 1n,
      jiao: 10n,
      yuan: 100n,
      hundred_yuan: 10_000n,
      thousand_yuan: 100_000n,
      wan_yuan: 1_000_000n,
    });
  });
});

describe('sum, min, max', () => {
  it('works on fen', () => {
    expect(sumFen([fen(1n), fen(2n), fen(-5n)])).toBe(-2n);
    expect(sumFen([])).toBe(0n);
    expect(minFen(fen(3n), fen(-1n))).toBe(-1n);
    expect(maxFen(fen(3n), fen(-1n))).toBe(3n);
  });
});

describe('formatYuan / formatWanYuan', () => {
  it.each([
    [129_960_000n, {}, '1,299,600.00'],
    [129_960_000n, { grouping: false }, '1299600.00'],
    [123_456_785n, { decimals: 1 as const }, '1,234,567.9'],
    [123_456_785n, { decimals: 1 as const, mode: 'down' as const }, '1,234,567.8'],
    [123_456_785n, { decimals: 0 as const }, '1,234,568'],
    [-123_456_785n, { decimals: 2 as const }, '-1,234,567.85'],
    [5n, {}, '0.05'],
    [99_999n, { decimals: 0 as const }, '1,000'],
  ])('formatYuan(%i, %j) = %j', (value, opts, expected) => {
    expect(formatYuan(fen(value), opts)).toBe(expected);
  });

  it.each([
    [129_960_000n, 2, 'half-up', '129.96'],
    [129_965_000n, 2, 'half-up', '129.97'],
    [129_965_000n, 2, 'down', '129.96'],
    [129_960_000n, 0, 'half-up', '130'],
    [129_960_000n, 4, 'half-up', '129.9600'],
    [1n, 6, 'half-up', '0.000001'],
    [1n, 2, 'half-up', '0.00'],
    [-129_965_000n, 2, 'half-up', '-129.97'],
    [1_234_567_800_000_000n, 2, 'half-up', '1,234,567,800.00'],
  ] as const)('formatWanYuan(%i, %i, %s) = %j', (value, decimals, mode, expected) => {
    expect(formatWanYuan(fen(value), { decimals, mode })).toBe(expected);
  });

  it('formatWanYuan defaults to two decimals, half-up, grouped', () => {
    expect(formatWanYuan(fen(129_965_000n))).toBe('129.97');
    expect(formatWanYuan(fen(1_234_567_800_000_000n), { grouping: false })).toBe('1234567800.00');
  });
});

const fenArb = fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }).map(fen);

describe('properties', () => {
  it('rounding loses or creates less than one unit, and lands on a multiple of it', () => {
    fc.assert(
      fc.property(
        fenArb,
        fc.constantFrom(...ROUNDING_UNITS),
        fc.constantFrom(...ROUNDING_MODES),
        (f, unit, mode) => {
          const size = UNIT_FEN[unit];
          const rounded = roundFen(f, unit, mode);
          const diff = rounded - f;
          expect(rounded % size).toBe(0n);
          expect(diff < size && diff > -size).toBe(true);
          if (mode === 'half-up') expect(2n * (diff < 0n ? -diff : diff) <= size).toBe(true);
          // down never moves away from zero
          if (mode === 'down')
            expect(f >= 0n ? 0n <= rounded && rounded <= f : f <= rounded && rounded <= 0n).toBe(true);
        },
      ),
    );
  });

  it('half-up equals down, or down plus one unit away from zero', () => {
    fc.assert(
      fc.property(fenArb, fc.constantFrom(...ROUNDING_UNITS), (f, unit) => {
        const up = roundFen(f, unit, 'half-up');
        const down = roundFen(f, unit, 'down');
        const step = f < 0n ? -UNIT_FEN[unit] : UNIT_FEN[unit];
        expect(up === down || up === down + step).toBe(true);
      }),
    );
  });

  it('parseYuan ∘ yuanString and formatYuan(grouped) round-trip', () => {
    fc.assert(
      fc.property(fenArb, (f) => {
        expect(parseYuan(yuanString(f))).toBe(f);
        expect(parseYuan(formatYuan(f))).toBe(f);
        expect(parseUsd(usdString(cents(f)))).toBe(f);
      }),
    );
  });
});
