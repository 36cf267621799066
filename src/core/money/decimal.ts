// Exact decimals for FX rates, percentages and ratios. A value is coef / 10^scale with a bigint coefficient,
// so no step ever passes through a binary float; every rounding names its mode.
import { AppError } from '../../shared/errors';

/** An exact decimal: value = coef / 10^scale. Never a float. */
export interface Decimal {
  readonly coef: bigint;
  readonly scale: number;
}

/** half-up: ties go away from zero (the banking and 财政 convention); down: toward zero (truncation). */
export type RoundingMode = 'half-up' | 'down';

export const ROUNDING_MODES: readonly RoundingMode[] = ['half-up', 'down'];

/** Longest text parseDecimal accepts; a bound keeps a hostile input from costing unbounded bigint work. */
export const MAX_DECIMAL_TEXT_LENGTH = 64;

const DECIMAL_PATTERN = /^([+-]?)(\d+)(?:\.(\d+))?(%?)$/;

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AppError('DECIMAL_SCALE_INVALID', 'internal', { scale: n });
  return 10n ** BigInt(n);
}

function invalid(text: string): AppError {
  return new AppError('DECIMAL_INVALID', 'validation', { value: text.slice(0, MAX_DECIMAL_TEXT_LENGTH) });
}

/**
 * Parses plain decimal notation ('6.7261', '-0.5', '+3') and percentages ('12.5%' → 0.125). Exponents,
 * 'Infinity', 'NaN', empty text, inner spaces, grouping commas and control characters are refused with
 * DECIMAL_INVALID, so nothing a float parser would accept slips through. Surrounding whitespace is ignored.
 */
export function parseDecimal(text: string): Decimal {
  if (typeof text !== 'string' || text.length > MAX_DECIMAL_TEXT_LENGTH) throw invalid(String(text));
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) throw invalid(text);
  const [, sign = '', whole = '', fraction = '', percent = ''] = match;
  const magnitude = BigInt(whole + fraction);
  const coef = sign === '-' ? -magnitude : magnitude;
  return { coef, scale: fraction.length + (percent ? 2 : 0) };
}

/** The same value with trailing zeros removed from the fraction (scale as small as exactness allows). */
export function normalizeDecimal(d: Decimal): Decimal {
  let { coef, scale } = d;
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale -= 1;
  }
  return { coef, scale };
}

/** Rescales to a larger scale without changing the value. */
function widen(d: Decimal, scale: number): bigint {
  return d.coef * pow10(scale - d.scale);
}

/**
 * Canonical text without exponent: trailing fraction zeros dropped down to minScale digits ('6.7261',
 * '0.125', '100'; decimalToString(1.5, 2) = '1.50'). parseDecimal(decimalToString(d)) equals d in value.
 */
export function decimalToString(d: Decimal, minScale = 0): string {
  const n = normalizeDecimal(d);
  const scale = Math.max(n.scale, minScale);
  const coef = widen(n, scale);
  const negative = coef < 0n;
  const digits = (negative ? -coef : coef).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

export function decimalFromBigint(n: bigint): Decimal {
  return { coef: n, scale: 0 };
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coef: widen(a, scale) + widen(b, scale), scale };
}

export function subDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { coef: widen(a, scale) - widen(b, scale), scale };
}

/** Exact product; the scale is the sum of the scales. */
export function mulDecimal(a: Decimal, b: Decimal): Decimal {
  return { coef: a.coef * b.coef, scale: a.scale + b.scale };
}

export function negateDecimal(d: Decimal): Decimal {
  return { coef: -d.coef, scale: d.scale };
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = widen(a, scale);
  const y = widen(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZeroDecimal(d: Decimal): boolean {
  return d.coef === 0n;
}

/** Divides exactly then rounds to an integer number of units: round(numerator / denominator). */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new AppError('DECIMAL_DIVISION_BY_ZERO', 'unprocessable');
  // BigInt division truncates toward zero, which is exactly 'down'; half-up only inspects the remainder.
  const quotient = numerator / denominator;
  if (mode === 'down') return quotient;
  const remainder = numerator % denominator;
  const absRemainder = remainder < 0n ? -remainder : remainder;
  const absDenominator = denominator < 0n ? -denominator : denominator;
  if (2n * absRemainder < absDenominator) return quotient;
  const negative = numerator < 0n !== denominator < 0n;
  return negative ? quotient - 1n : quotient + 1n;
}

/** Rounds coef/10^scale × (an integer) to an integer with the mode — the workhorse for rate × amount. */
export function mulDecimalRound(amount: bigint, rate: Decimal, mode: RoundingMode): bigint {
  return divRound(amount * rate.coef, pow10(rate.scale), mode);
}

/** Rounds a decimal to `scale` fraction digits with the mode (scale may exceed the current one: exact). */
export function roundDecimal(d: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (scale >= d.scale) return { coef: widen(d, scale), scale };
  return { coef: divRound(d.coef, pow10(d.scale - scale), mode), scale };
}

/** a / b rounded to `scale` fraction digits with the mode, e.g. a ratio or an expenditure rate. */
export function divDecimal(a: Decimal, b: Decimal, scale: number, mode: RoundingMode): Decimal {
  // a/b = (a.coef / 10^a.scale) / (b.coef / 10^b.scale); shift so the integer quotient carries `scale` digits.
  const shift = scale + b.scale - a.scale;
  const numerator = shift >= 0 ? a.coef * pow10(shift) : a.coef;
  const denominator = shift >= 0 ? b.coef : b.coef * pow10(-shift);
  return { coef: divRound(numerator, denominator, mode), scale };
}
