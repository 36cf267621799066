// Money as typed integer minor units: CNY in 分 (fen), USD in cents. The brands stop a Cents value from being
// added to a Fen value by accident; the only way between them is fx.ts, which keeps the rate it used.
import { ROUNDING_UNITS, type RoundingUnit } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { divRound, pow10, type RoundingMode } from './decimal';

export type Fen = bigint & { readonly __unit: 'CNY_fen' };
export type Cents = bigint & { readonly __unit: 'USD_cents' };

export const fen = (n: bigint): Fen => n as Fen;
export const cents = (n: bigint): Cents => n as Cents;

/**
 * The largest magnitude any amount may have: PostgreSQL's bigint (int8) limit, so an amount accepted here
 * always fits the column that stores it.
 */
export const MAX_MINOR_UNITS = 9_223_372_036_854_775_807n;

const AMOUNT_PATTERN = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const MAX_AMOUNT_TEXT_LENGTH = 40;

/**
 * Parses a major-unit amount into minor units (×100). Accepts '1299600.00', '1,299,600' (commas only as
 * correct thousands groups) and a leading sign. Refuses 万-suffixed text, currency symbols, exponents and
 * anything else with MONEY_INVALID. More than two decimals is MONEY_TOO_PRECISE unless the extra digits are
 * zeros ('1.500' is exactly 1.50): the point of the error is that nothing is ever rounded silently.
 */
function parseMinorUnits(text: string, currency: 'CNY' | 'USD'): bigint {
  const value = typeof text === 'string' ? text.trim() : '';
  const match = value.length <= MAX_AMOUNT_TEXT_LENGTH ? AMOUNT_PATTERN.exec(value) : null;
  if (!match) {
    throw new AppError('MONEY_INVALID', 'validation', {
      value: String(text).slice(0, MAX_AMOUNT_TEXT_LENGTH),
      currency,
    });
  }
  const [, sign = '', whole = '', fraction = ''] = match;
  if (/[^0]/.test(fraction.slice(2))) {
    throw new AppError('MONEY_TOO_PRECISE', 'validation', { value, currency });
  }
  const magnitude = BigInt(whole.replaceAll(',', '')) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if (magnitude > MAX_MINOR_UNITS)
    throw new AppError('MONEY_OUT_OF_RANGE', 'validation', { value, currency });
  return sign === '-' ? -magnitude : magnitude;
}

/** '1299600.00' or '1,299,600' 元 → fen. */
export function parseYuan(text: string): Fen {
  return fen(parseMinorUnits(text, 'CNY'));
}

/** '1000000.00' dollars → cents, same rules as parseYuan. */
export function parseUsd(text: string): Cents {
  return cents(parseMinorUnits(text, 'USD'));
}

/** Minor units as a plain two-decimal string, the form JSON and the API carry: '1299600.00', '-0.05'. */
function minorUnitsString(n: bigint): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export function yuanString(f: Fen): string {
  return minorUnitsString(f);
}

export function usdString(c: Cents): string {
  return minorUnitsString(c);
}

export { ROUNDING_UNITS, type RoundingUnit };

/** Size of each rounding unit in fen. */
export const UNIT_FEN: Record<RoundingUnit, bigint> = {
  fen: 1n,
  jiao: 10n,
  yuan: 100n,
  hundred_yuan: 10_000n,
  thousand_yuan: 100_000n,
  wan_yuan: 1_000_000n,
};

/** Rounds to a whole multiple of the unit; the result differs from the input by less than one unit. */
export function roundFen(amount: Fen, unit: RoundingUnit, mode: RoundingMode): Fen {
  const size = UNIT_FEN[unit];
  return fen(divRound(amount, size, mode) * size);
}

export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0n;
  for (const value of values) total += value;
  return fen(total);
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Writes `units` (an integer count of 10^-decimals) with that many decimals, optionally grouped. */
function formatScaled(units: bigint, decimals: number, grouping: boolean): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const head = grouping ? groupThousands(whole) : whole;
  return `${negative ? '-' : ''}${head}${decimals > 0 ? `.${fraction}` : ''}`;
}

/**
 * Display form in 元: '1,299,600.00'. With fewer than two decimals the amount is rounded with `mode`
 * (default half-up) — display only, never feed the result back into a calculation.
 */
export function formatYuan(
  f: Fen,
  opts: { decimals?: 0 | 1 | 2; grouping?: boolean; mode?: RoundingMode } = {},
): string {
  const decimals = opts.decimals ?? 2;
  const units = divRound(f, pow10(2 - decimals), opts.mode ?? 'half-up');
  return formatScaled(units, decimals, opts.grouping ?? true);
}

/**
 * Display form in 万元, without the unit (the caller's message appends 万元): 129,960,000 fen → '129.96',
 * two decimals rounded half-up unless told otherwise, thousands grouped unless `grouping: false`. Display
 * only, like formatYuan; the CLI and the web both show 万元 through this function.
 */
export function formatWanYuan(
  f: Fen,
  opts: { decimals?: number; grouping?: boolean; mode?: RoundingMode } = {},
): string {
  const decimals = opts.decimals ?? 2;
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 20) {
    throw new AppError('DECIMAL_SCALE_INVALID', 'internal', { scale: decimals });
  }
  // 1 万元 = 1,000,000 fen, so the value in units of 10^-decimals 万元 is f × 10^decimals / 10^6.
  const units = divRound(f * pow10(decimals), 1_000_000n, opts.mode ?? 'half-up');
  return formatScaled(units, decimals, opts.grouping ?? true);
}
