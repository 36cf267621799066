// USD → CNY conversion that keeps its provenance: every converted amount carries the rate, its source and date,
// and the rounding mode, so an auditor can redo the arithmetic from the application record alone.
//
// Round trip (proved in fx.test.ts). Let r > 0 be the rate (CNY per USD), c an amount in cents,
// f = usdToCny(c, r, mode).result and c' = cnyToUsd(f, r, mode), both conversions with the same mode:
//   - half-up: |f − c·r| ≤ 1/2 and |c' − f/r| ≤ 1/2, so |c' − c| ≤ 1/2 + 1/(2r); being an integer,
//     |c' − c| ≤ floor((1 + 1/r) / 2). For every r > 1 (USD → CNY rates are about 6–8) that is 0: exact.
//   - down: both steps truncate toward zero, so 0 ≤ |c| − |c'| < 1 + 1/r, hence |c' − c| ≤ ceil(1/r)
//     (1 cent for every r ≥ 1), and the round trip never moves away from zero.
// Both bounds are exposed as roundTripBoundCents for tests and documentation.
import { AppError } from '../../shared/errors';
import {
  compareDecimal,
  type Decimal,
  decimalToString,
  divRound,
  mulDecimalRound,
  pow10,
  type RoundingMode,
} from './decimal';
import { type Cents, cents, type Fen, fen } from './money';

export interface FxRate {
  from: 'USD';
  to: 'CNY';
  rate: Decimal;
  source: string;
  /** YYYY-MM-DD: the day the rate applies to (e.g. the central parity of that day). */
  date: string;
}

export interface Converted {
  original: { currency: 'USD'; amount: Cents };
  rate: FxRate;
  result: Fen;
  rounding: RoundingMode;
}

const ZERO = { coef: 0n, scale: 0 } as const;

function assertPositive(rate: FxRate): void {
  if (compareDecimal(rate.rate, ZERO) <= 0) {
    throw new AppError('FX_RATE_INVALID', 'validation', { rate: decimalToString(rate.rate) });
  }
}

/**
 * cents × rate → fen with exactly one rounding. One cent times a CNY-per-USD rate is `rate` fen, so no
 * further scaling is needed.
 */
export function usdToCny(amount: Cents, rate: FxRate, mode: RoundingMode): Converted {
  assertPositive(rate);
  return {
    original: { currency: 'USD', amount },
    rate,
    result: fen(mulDecimalRound(amount, rate.rate, mode)),
    rounding: mode,
  };
}

/** fen ÷ rate → cents with one rounding; the inverse of usdToCny within roundTripBoundCents. */
export function cnyToUsd(amount: Fen, rate: FxRate, mode: RoundingMode): Cents {
  assertPositive(rate);
  return cents(divRound(amount * pow10(rate.rate.scale), rate.rate.coef, mode));
}

/** The proven bound on |cnyToUsd(usdToCny(c).result) − c| in cents for a rate and a mode (see above). */
export function roundTripBoundCents(rate: Decimal, mode: RoundingMode): bigint {
  const one = pow10(rate.scale);
  // With r = coef / 10^scale: (1 + 1/r) / 2 = (coef + 10^scale) / (2·coef) and 1/r = 10^scale / coef.
  if (mode === 'half-up') return (rate.coef + one) / (2n * rate.coef);
  return (one + rate.coef - 1n) / rate.coef;
}
