import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { type Decimal, parseDecimal, ROUNDING_MODES, type RoundingMode } from './decimal';
import { cnyToUsd, type FxRate, roundTripBoundCents, usdToCny } from './fx';
import { cents, fen, parseUsd } from './money';

const rate = (text: string): FxRate => ({
  from: 'USD',
  to: 'CNY',
  rate: parseDecimal(text),
  source: '中国外汇交易中心 人民币汇率中间价',
  date: '2022-12-30',
});

describe('usdToCny', () => {
  it('converts cents to fen with one rounding and keeps its provenance', () => {
    const fx = rate('6.9646');
    const converted = usdToCny(parseUsd('1000000.00'), fx, 'half-up');
    expect(converted.result).toBe(696_460_000n);
    expect(converted.original).toEqual({ currency: 'USD', amount: 100_000_000n });
    expect(converted.rate).toBe(fx);
    expect(converted.rounding).toBe('half-up');
  });

  it.each([
    ['0.01', '6.9646', 'half-up', 7n],
    ['0.01', '6.9646', 'down', 6n],
    ['0.03', '6.9646', 'half-up', 21n],
    ['0.03', '6.9646', 'down', 20n],
    ['-0.03', '6.9646', 'half-up', -21n],
    ['12.34', '7', 'down', 8638n],
  ] as const)('%s USD at %s (%s) = %i fen', (usd, r, mode, expected) => {
    expect(usdToCny(parseUsd(usd), rate(r), mode).result).toBe(expected);
  });

  it('refuses a zero or negative rate', () => {
    for (const bad of ['0', '-6.9', '0.0000']) {
      try {
        usdToCny(cents(100n), rate(bad), 'half-up');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('FX_RATE_INVALID');
      }
      expect(() => cnyToUsd(fen(100n), rate(bad), 'down')).toThrow(AppError);
    }
  });
});

describe('cnyToUsd', () => {
  it.each([
    ['696460000', '6.9646', 'half-up', 100_000_000n],
    ['7', '6.9646', 'half-up', 1n],
    ['7', '6.9646', 'down', 1n],
    ['6', '6.9646', 'down', 0n],
    ['100', '0.5', 'down', 200n],
  ] as const)('%s fen at %s (%s) = %i cents', (f, r, mode, expected) => {
    expect(cnyToUsd(fen(BigInt(f)), rate(r), mode)).toBe(expected);
  });
});

describe('round-trip bound', () => {
  it.each([
    ['6.9646', 'half-up', 0n],
    ['6.9646', 'down', 1n],
    ['1', 'half-up', 1n],
    ['1', 'down', 1n],
    ['0.5', 'half-up', 1n],
    ['0.5', 'down', 2n],
    ['0.3', 'half-up', 2n],
    ['0.3', 'down', 4n],
  ] as const)('rate %s, %s: at most %i cents', (r, mode, bound) => {
    expect(roundTripBoundCents(parseDecimal(r), mode)).toBe(bound);
  });

  it('down really loses a cent at USD→CNY rates (the bound is reached)', () => {
    // 0.01 USD × 6.9646 = 6.9646 fen → 6 fen (down) → 6 / 6.9646 = 0.86 cent → 0 cents.
    const c = cents(1n);
    const back = cnyToUsd(usdToCny(c, rate('6.9646'), 'down').result, rate('6.9646'), 'down');
    expect(back).toBe(0n);
  });

  const rateArb: fc.Arbitrary<Decimal> = fc
    .record({ coef: fc.bigInt({ min: 1n, max: 10n ** 9n }), scale: fc.integer({ min: 0, max: 8 }) })
    .map((r) => r);

  it('|cnyToUsd(usdToCny(c)) − c| ≤ roundTripBoundCents(rate, mode) for any positive rate', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        rateArb,
        fc.constantFrom<RoundingMode>(...ROUNDING_MODES),
        (c, r, mode) => {
          const fx: FxRate = { from: 'USD', to: 'CNY', rate: r, source: 'test', date: '2023-01-01' };
          const back = cnyToUsd(usdToCny(cents(c), fx, mode).result, fx, mode);
          const diff = back > c ? back - c : c - back;
          expect(diff <= roundTripBoundCents(r, mode)).toBe(true);
          // down never moves the amount away from zero
          if (mode === 'down') expect(c >= 0n ? back <= c && back >= 0n : back >= c && back <= 0n).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('half-up round trips exactly at every rate above 1', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }),
        fc.bigInt({ min: 10_001n, max: 99_999n }),
        (c, coef) => {
          const fx: FxRate = {
            from: 'USD',
            to: 'CNY',
            rate: { coef, scale: 4 },
            source: 'test',
            date: '2023-01-01',
          };
          expect(cnyToUsd(usdToCny(cents(c), fx, 'half-up').result, fx, 'half-up')).toBe(c);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
