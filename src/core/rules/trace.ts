// The explanation trace of a reward (核定过程): inputs, each step and each rounding, as label keys with raw
// parameters, rendered in either locale on demand.
import { type Locale, t } from '../../shared/i18n';
import type { MetricRef } from '../../shared/program-file';
import type { Decimal } from '../money/decimal';
import { type Fen, fen } from '../money/money';
import { metricLabel } from './eligibility';
import { showCny, showDecimal, showPercent, showUsd } from './format';

export type TraceParam =
  | string
  | { usd: bigint }
  | { cny: bigint }
  /** An exact amount in US cents (a product not yet rounded). */
  | { usdExact: Decimal }
  /** An exact amount in fen (a product not yet rounded). */
  | { cnyExact: Decimal }
  | { percent: Decimal }
  | { decimal: Decimal }
  | { metric: MetricRef }
  /** A locale key whose text is the value, e.g. a rounding mode or unit. */
  | { key: string };

export interface TraceStep {
  kind: 'input' | 'step' | 'rounding' | 'cap' | 'result';
  labelKey: string;
  params: Record<string, TraceParam>;
}

function asMajor(minorUnits: Decimal): Decimal {
  return { coef: minorUnits.coef, scale: minorUnits.scale + 2 };
}

function showParam(param: TraceParam, locale: Locale): string {
  if (typeof param === 'string') return param;
  if ('usd' in param) return showUsd(param.usd, locale);
  if ('cny' in param) return showCny(fen(param.cny), locale);
  if ('usdExact' in param)
    return t(locale, 'rules.value.usd', { amount: showDecimal(asMajor(param.usdExact)) });
  if ('cnyExact' in param)
    return t(locale, 'rules.value.cny', { amount: showDecimal(asMajor(param.cnyExact)) });
  if ('percent' in param) return showPercent(param.percent);
  if ('decimal' in param) return showDecimal(param.decimal, 0);
  if ('metric' in param) return metricLabel(param.metric, locale);
  return t(locale, param.key);
}

/** One trace step as a sentence in the locale. */
export function renderTraceStep(step: TraceStep, locale: Locale): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.params)) params[name] = showParam(value, locale);
  return t(locale, step.labelKey, params);
}

export function renderTrace(trace: readonly TraceStep[], locale: Locale): string[] {
  return trace.map((step) => renderTraceStep(step, locale));
}

export const cny = (amount: Fen | bigint): TraceParam => ({ cny: amount });
export const usd = (amount: bigint): TraceParam => ({ usd: amount });
export const openTo = (to: bigint | null): TraceParam =>
  to === null ? { key: 'rules.trace.open' } : usd(to);
