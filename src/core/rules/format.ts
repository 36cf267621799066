// Display helpers for reasons and traces. Display only: nothing formatted here feeds a calculation.
import type { Locale } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import { type Decimal, decimalToString, mulDecimal } from '../money/decimal';
import { type Fen, formatYuan } from '../money/money';

/** Minor units with thousands grouping and two decimals: '1,234,567.00'. */
export function grouped(minorUnits: bigint): string {
  const negative = minorUnits < 0n;
  const digits = (negative ? -minorUnits : minorUnits).toString().padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${digits.slice(-2)}`;
}

/** 'USD 1,234,567.00' in both locales. */
export function showUsd(cents: bigint, locale: Locale): string {
  return t(locale, 'rules.value.usd', { amount: grouped(cents) });
}

/** '1,299,600.00 元' or 'CNY 1,299,600.00'. */
export function showCny(amount: Fen, locale: Locale): string {
  return t(locale, 'rules.value.cny', { amount: formatYuan(amount) });
}

/** An exact rate as a percentage: 0.025 → '2.5%'. */
export function showPercent(rate: Decimal): string {
  return `${decimalToString(mulDecimal(rate, { coef: 100n, scale: 0 }))}%`;
}

/** An exact decimal as plain text with grouping of the whole part: '6,726,100.0000'. */
export function showDecimal(value: Decimal, minScale = 2): string {
  const [whole = '0', fraction] = decimalToString(value, minScale).split('.');
  const head = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? head : `${head}.${fraction}`;
}
