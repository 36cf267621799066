// Reward formulas (奖励计算公式). Every intermediate value is exact: US cents × rate × FX rate × size
// multiplier, kept as a Decimal in fen. A formula rounds once, to its unit; then the floor, then the cap —
// cap last, so no award ever exceeds it. A program may declare an explicit intermediate rounding of the
// converted amount when its policy text prescribes one. All pure.
import { AppError } from '../../shared/errors';
import { type Decimal, divRound, mulDecimal, pow10 } from '../money/decimal';
import { type Fen, fen, UNIT_FEN } from '../money/money';
import type { CompiledFormula, Rounding } from './compile';
import { type ApplicantFacts, metricValue } from './facts';
import { cny, openTo, type TraceStep, usd } from './trace';

export interface FormulaResult {
  amount: Fen;
  trace: TraceStep[];
}

const ZERO = fen(0n);

/** cents × rate exactly: a Decimal whose unit is one US cent. */
function times(cents: bigint, rate: Decimal): Decimal {
  return { coef: cents * rate.coef, scale: rate.scale };
}

function sum(values: readonly Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map((v) => v.scale));
  let coef = 0n;
  for (const v of values) coef += v.coef * pow10(scale - v.scale);
  return { coef, scale };
}

/** An exact fen amount rounded to a whole multiple of the unit, with the mode. */
function roundToUnit(exact: Decimal, rounding: Rounding): Fen {
  const size = UNIT_FEN[rounding.unit];
  return fen(divRound(exact.coef, pow10(exact.scale) * size, rounding.mode) * size);
}

const wholeFen = (amount: bigint): Decimal => ({ coef: amount, scale: 0 });

/** USD (exact, in cents) → fen with the formula's FX rate, exactly; rounded only if the program says so. */
function convert(exactCents: Decimal, formula: CompiledFormula, trace: TraceStep[] | null): Decimal {
  const fx = formula.fx;
  if (fx === null) throw new AppError('RULES_FX_RATE_MISSING', 'unprocessable');
  const exactFen = mulDecimal(exactCents, fx.rate);
  trace?.push({
    kind: 'step',
    labelKey: 'rules.trace.fx',
    params: {
      rate: { decimal: fx.rate },
      source: fx.source,
      date: fx.date,
      original: { usdExact: exactCents },
      exact: { cnyExact: exactFen },
    },
  });
  const step = formula.intermediateRounding;
  if (step === null) return exactFen;
  const rounded = roundToUnit(exactFen, step);
  trace?.push({
    kind: 'rounding',
    labelKey: 'rules.trace.intermediateRounding',
    params: {
      unit: { key: `rules.unit.${step.unit}` },
      mode: { key: `rules.mode.${step.mode}` },
      before: { cnyExact: exactFen },
      result: cny(rounded),
    },
  });
  return wholeFen(rounded);
}

function computeRaw(
  formula: CompiledFormula,
  base: bigint,
  facts: ApplicantFacts,
  year: number,
  trace: TraceStep[] | null,
): Decimal {
  const value = usd(base);
  switch (formula.kind) {
    case 'fixed_above_threshold': {
      const met = formula.inclusive ? base >= formula.threshold : base > formula.threshold;
      const relation = { key: `rules.relation.${formula.inclusive ? 'gte' : 'gt'}.pass` };
      const threshold = usd(formula.threshold);
      const amount = cny(formula.amount);
      trace?.push({
        kind: 'step',
        labelKey: met ? 'rules.trace.fixedMet' : 'rules.trace.fixedNotMet',
        params: { value, relation, threshold, amount },
      });
      return wholeFen(met ? formula.amount : 0n);
    }
    case 'rate': {
      const exact = times(base, formula.rate);
      trace?.push({
        kind: 'step',
        labelKey: 'rules.trace.rate',
        params: { value, rate: { percent: formula.rate }, result: { usdExact: exact } },
      });
      return convert(exact, formula, trace);
    }
    case 'step_tiers': {
      const tier = formula.tiers.find((b) => base >= b.from && (b.to === null || base < b.to));
      if (tier === undefined) {
        trace?.push({ kind: 'step', labelKey: 'rules.trace.stepNone', params: { value } });
        return wholeFen(0n);
      }
      const params = { value, from: usd(tier.from), to: openTo(tier.to), amount: cny(tier.amount) };
      trace?.push({ kind: 'step', labelKey: 'rules.trace.stepTier', params });
      return wholeFen(tier.amount);
    }
    case 'marginal_tiers': {
      const parts: Decimal[] = [];
      for (const tier of formula.tiers) {
        if (base <= tier.from) break;
        const top = tier.to === null || base < tier.to ? base : tier.to;
        const portion = top - tier.from;
        const part = times(portion, tier.rate);
        parts.push(part);
        trace?.push({
          kind: 'step',
          labelKey: 'rules.trace.marginalTier',
          params: {
            from: usd(tier.from),
            to: openTo(tier.to),
            portion: usd(portion),
            rate: { percent: tier.rate },
            result: { usdExact: part },
          },
        });
      }
      const total = sum(parts);
      trace?.push({
        kind: 'step',
        labelKey: 'rules.trace.marginalSum',
        params: { result: { usdExact: total } },
      });
      return convert(total, formula, trace);
    }
    case 'growth':
    case 'growth_tiers': {
      const prevRef = { ...formula.base, year: formula.base.year - 1 };
      const prev = metricValue(facts, prevRef, year);
      if (prev === undefined || (formula.kind === 'growth_tiers' && prev <= 0n)) {
        trace?.push({
          kind: 'input',
          labelKey: 'rules.trace.prevMissing',
          params: { fact: { metric: prevRef } },
        });
        return wholeFen(0n);
      }
      trace?.push({
        kind: 'input',
        labelKey: 'rules.trace.prevBase',
        params: { fact: { metric: prevRef }, value: usd(prev) },
      });
      const diff = base - prev;
      if (formula.kind === 'growth') {
        const increase = diff > 0n ? diff : 0n;
        trace?.push({
          kind: 'step',
          labelKey: 'rules.trace.increase',
          params: { value, prev: usd(prev), increase: usd(increase) },
        });
        const exact = times(increase, formula.rate);
        trace?.push({
          kind: 'step',
          labelKey: 'rules.trace.growthRate',
          params: { increase: usd(increase), rate: { percent: formula.rate }, result: { usdExact: exact } },
        });
        return convert(exact, formula, trace);
      }
      // growth = diff / prev, shown to 0.01% (display only); brackets compare exactly: from ≤ diff/prev < to.
      const pct: Decimal = { coef: divRound(diff * 10_000n, prev, 'half-up'), scale: 4 };
      trace?.push({
        kind: 'step',
        labelKey: 'rules.trace.growthPct',
        params: { value, prev: usd(prev), pct: { percent: pct } },
      });
      const atLeast = (d: Decimal) => diff * pow10(d.scale) >= d.coef * prev;
      const tier = formula.tiers.find((b) => atLeast(b.from) && (b.to === null || !atLeast(b.to)));
      if (tier === undefined) {
        trace?.push({ kind: 'step', labelKey: 'rules.trace.growthNone', params: {} });
        return wholeFen(0n);
      }
      const to = tier.to === null ? { key: 'rules.trace.open' } : { percent: tier.to };
      trace?.push({
        kind: 'step',
        labelKey: 'rules.trace.growthTier',
        params: { from: { percent: tier.from }, to, amount: cny(tier.amount) },
      });
      return wholeFen(tier.amount);
    }
  }
}

/**
 * Computes one formula for one applicant. Guarantees: the amount is ≥ 0, never above the cap, and every
 * rounding is in the trace with its before and after. With `explain` false the trace stays empty and no step
 * is built (the same amount, for a million applicants whose traces nobody reads).
 */
export function computeFormula(
  formula: CompiledFormula,
  facts: ApplicantFacts,
  programYear: number,
  explain = true,
): FormulaResult {
  const trace: TraceStep[] | null = explain ? [] : null;
  const base = metricValue(facts, formula.base, programYear);
  const fact = { metric: formula.base };
  if (base === undefined) {
    trace?.push({ kind: 'input', labelKey: 'rules.trace.baseMissing', params: { fact } });
    return { amount: ZERO, trace: trace ?? [] };
  }
  trace?.push({ kind: 'input', labelKey: 'rules.trace.base', params: { fact, value: usd(base) } });
  let exact = computeRaw(formula, base, facts, programYear, trace);
  if (exact.coef <= 0n) return { amount: ZERO, trace: trace ?? [] };
  const multiplier = formula.multipliers[facts.sizeClass];
  if (multiplier !== undefined && multiplier.coef !== pow10(multiplier.scale)) {
    const before = exact;
    exact = mulDecimal(exact, multiplier);
    trace?.push({
      kind: 'step',
      labelKey: 'rules.trace.multiplier',
      params: {
        sizeClass: { key: `rules.value.size_class.${facts.sizeClass}` },
        multiplier: { decimal: multiplier },
        before: { cnyExact: before },
        result: { cnyExact: exact },
      },
    });
  }
  const { rounding } = formula;
  let amount = roundToUnit(exact, rounding);
  // Whole fen need no rounding to the fen; any other unit is always shown, even when nothing moves.
  if (rounding.unit !== 'fen' || exact.coef % pow10(exact.scale) !== 0n) {
    trace?.push({
      kind: 'rounding',
      labelKey: 'rules.trace.rounding',
      params: {
        unit: { key: `rules.unit.${rounding.unit}` },
        mode: { key: `rules.mode.${rounding.mode}` },
        before: { cnyExact: exact },
        result: cny(amount),
      },
    });
  }
  if (formula.floor !== null && amount > 0n && amount < formula.floor) {
    amount = formula.floor;
    trace?.push({
      kind: 'cap',
      labelKey: 'rules.trace.floor',
      params: { floor: cny(formula.floor), result: cny(amount) },
    });
  }
  if (formula.cap !== null && amount > formula.cap) {
    amount = formula.cap;
    trace?.push({
      kind: 'cap',
      labelKey: 'rules.trace.cap',
      params: { cap: cny(formula.cap), result: cny(amount) },
    });
  }
  return { amount, trace: trace ?? [] };
}
