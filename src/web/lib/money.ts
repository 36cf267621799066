// Display helpers for the API's exact decimal strings. Money never becomes a float: amounts are parsed
// into integer minor units (bigint) and written back with string arithmetic.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Splits '1299600.5' into sign, integer digits and fraction digits; undefined when not a decimal. */
function parts(value: string): { negative: boolean; int: string; frac: string } | undefined {
  const match = DECIMAL.exec(value.trim());
  if (!match) return undefined;
  return { negative: match[1] === '-', int: match[2] ?? '0', frac: match[3] ?? '' };
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '1299600' → '1,299,600.00': thousands separators and exactly two decimals (truncating beyond 分). */
export function formatAmount(value: string): string {
  const p = parts(value);
  if (!p) return value;
  const int = p.int.replace(/^0+(?=\d)/, '');
  return `${p.negative ? '-' : ''}${group(int)}.${p.frac.padEnd(2, '0').slice(0, 2)}`;
}

/** 元 → 万元 exactly: '1299600.00' → '129.96' (trailing zeros dropped, thousands grouped). */
export function toWanYuan(value: string): string {
  const p = parts(value);
  if (!p) return value;
  const fen = BigInt(p.int) * 100n + BigInt(p.frac.padEnd(2, '0').slice(0, 2));
  const perWan = 1_000_000n;
  const whole = fen / perWan;
  const rest = (fen % perWan).toString().padStart(6, '0').replace(/0+$/, '');
  return `${p.negative ? '-' : ''}${group(whole.toString())}${rest ? `.${rest}` : ''}`;
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
