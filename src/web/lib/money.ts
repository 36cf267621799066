// Display helpers for the API's exact decimal strings. Money never becomes a float: an amount is parsed into
// fen and written by the same functions the CLI uses (src/core/money/money.ts), so a budget reads the same
// in the terminal and on the page.
import { type Fen, formatWanYuan, formatYuan, parseYuan } from '../../core/money/money';

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Fen of an amount string, or undefined for text that is not an amount to the fen (shown as received). */
function toFen(value: string): Fen | undefined {
  if (!parts(value)) return undefined;
  try {
    return parseYuan(value.trim());
  } catch {
    return undefined;
  }
}

/** Splits '1299600.5' into sign, integer digits and fraction digits; undefined when not a decimal. */
function parts(value: string): { negative: boolean; int: string; frac: string } | undefined {
  const match = DECIMAL.exec(value.trim());
  if (!match) return undefined;
  return { negative: match[1] === '-', int: match[2] ?? '0', frac: match[3] ?? '' };
}

/**
 * '1299600' → '1,299,600.00': thousands separators and exactly two decimals. Text that is not an amount to
 * the fen is shown as received, never rounded.
 */
export function formatAmount(value: string): string {
  const amount = toFen(value);
  return amount === undefined ? value : formatYuan(amount);
}

/** 元 → 万元 as the CLI shows it: '1234567.89' → '123.46' (two decimals, half-up, thousands grouped). */
export function toWanYuan(value: string): string {
  const amount = toFen(value);
  return amount === undefined ? value : formatWanYuan(amount);
}

/** A ratio string '0.4312' → '43.12%' by moving the decimal point, never multiplying a float. */
export function formatRatio(value: string): string {
  const p = parts(value);
  if (!p) return value;
  const frac = p.frac.padEnd(2, '0');
  const int = `${p.int}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2);
  return `${p.negative ? '-' : ''}${int}${rest ? `.${rest}` : ''}%`;
}

/** The date part of an ISO timestamp or date, '—' when absent. */
export function formatDate(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '—';
}
