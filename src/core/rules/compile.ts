// Turns a validated program file into exact values once (bigint fen/cents, Decimal rates), so evaluating a
// million applicants never re-parses a string.
import type {
  AllocationConfig,
  ComparisonOp,
  FactRef,
  Formula,
  MetricRef,
  ProgramFile,
  Rule,
  SizeClass,
} from '../../shared/program-file';
import { type Decimal, parseDecimal, type RoundingMode } from '../money/decimal';
import type { FxRate } from '../money/fx';
import { type Cents, type Fen, parseUsd, parseYuan, type RoundingUnit } from '../money/money';

export interface Rounding {
  unit: RoundingUnit;
  mode: RoundingMode;
}

export type CompiledRule =
  | { op: ComparisonOp; fact: FactRef; value: string | boolean | Cents; path: string }
  | { op: 'in'; fact: FactRef; values: readonly string[]; path: string }
  | { op: 'between'; fact: FactRef; min: Cents; max: Cents; path: string }
  | { op: 'all' | 'any'; rules: readonly CompiledRule[] }
  | { op: 'not'; rule: CompiledRule };

export interface Bracket {
  from: Cents;
  to: Cents | null;
}

interface FormulaCommon {
  base: MetricRef;
  cap: Fen | null;
  floor: Fen | null;
  multipliers: Partial<Record<SizeClass, Decimal>>;
  rounding: Rounding;
  /** An explicit rounding of the converted CNY amount, before the multiplier; null: none (exact). */
  intermediateRounding: Rounding | null;
  fx: FxRate | null;
}

export type CompiledFormula = FormulaCommon &
  (
    | { kind: 'fixed_above_threshold'; threshold: Cents; inclusive: boolean; amount: Fen }
    | { kind: 'rate'; rate: Decimal }
    | { kind: 'growth'; rate: Decimal }
    | { kind: 'step_tiers'; tiers: readonly (Bracket & { amount: Fen })[] }
    | { kind: 'marginal_tiers'; tiers: readonly (Bracket & { rate: Decimal })[] }
    | { kind: 'growth_tiers'; tiers: readonly { from: Decimal; to: Decimal | null; amount: Fen }[] }
  );

export interface CompiledClause {
  id: string;
  citation: string;
  eligibility: CompiledRule;
  formula: CompiledFormula;
}

export interface CompiledProgram {
  code: string;
  name: string;
  year: number;
  budget: Fen;
  rounding: Rounding;
  clauses: readonly CompiledClause[];
  perEnterpriseCap: Fen | null;
  allocation: AllocationConfig;
}

function compileRule(rule: Rule, path: string): CompiledRule {
  switch (rule.op) {
    case 'all':
    case 'any':
      return { op: rule.op, rules: rule.rules.map((r, i) => compileRule(r, `${path}.rules[${i}]`)) };
    case 'not':
      return { op: 'not', rule: compileRule(rule.rule, `${path}.rule`) };
    case 'in':
      return { op: 'in', fact: rule.fact, values: rule.values, path };
    case 'between':
      return { op: 'between', fact: rule.fact, min: parseUsd(rule.min), max: parseUsd(rule.max), path };
    default: {
      const isAmount = rule.fact.source !== 'profile' && typeof rule.value === 'string';
      return {
        op: rule.op,
        fact: rule.fact,
        value: isAmount ? parseUsd(rule.value as string) : rule.value,
        path,
      };
    }
  }
}

const optionalYuan = (text: string | undefined): Fen | null => (text === undefined ? null : parseYuan(text));
const bracket = (tier: { from: string; to?: string | undefined }): Bracket => ({
  from: parseUsd(tier.from),
  to: tier.to === undefined ? null : parseUsd(tier.to),
});

function compileFormula(
  formula: Formula,
  program: ProgramFile,
  fxRates: Map<string, FxRate>,
): CompiledFormula {
  const multipliers: Partial<Record<SizeClass, Decimal>> = {};
  for (const [size, text] of Object.entries(formula.sizeMultipliers ?? {})) {
    if (text !== undefined) multipliers[size as SizeClass] = parseDecimal(text);
  }
  const firstFx = program.fxRates[0]?.id;
  const fxId = formula.fxRateId ?? firstFx;
  const common: FormulaCommon = {
    base: formula.base,
    cap: optionalYuan(formula.cap),
    floor: optionalYuan(formula.floor),
    multipliers,
    rounding: formula.rounding ?? program.rounding,
    intermediateRounding: formula.intermediateRounding ?? null,
    fx: fxId === undefined ? null : (fxRates.get(fxId) ?? null),
  };
  switch (formula.kind) {
    case 'fixed_above_threshold':
      return {
        ...common,
        kind: formula.kind,
        threshold: parseUsd(formula.threshold),
        inclusive: formula.inclusive ?? false,
        amount: parseYuan(formula.amount),
      };
    case 'rate':
      return { ...common, kind: 'rate', rate: parseDecimal(formula.rate) };
    case 'growth':
      return { ...common, kind: 'growth', rate: parseDecimal(formula.rate) };
    case 'step_tiers':
      return {
        ...common,
        kind: formula.kind,
        tiers: formula.tiers.map((t) => ({ ...bracket(t), amount: parseYuan(t.amount) })),
      };
    case 'marginal_tiers':
      return {
        ...common,
        kind: formula.kind,
        tiers: formula.tiers.map((t) => ({ ...bracket(t), rate: parseDecimal(t.rate) })),
      };
    case 'growth_tiers':
      return {
        ...common,
        kind: formula.kind,
        tiers: formula.tiers.map((t) => ({
          from: parseDecimal(t.from),
          to: t.to === undefined ? null : parseDecimal(t.to),
          amount: parseYuan(t.amount),
        })),
      };
  }
}

/** Compiles a program that parseProgramFile accepted; every amount and rate becomes exact. */
export function compileProgram(program: ProgramFile): CompiledProgram {
  const fxRates = new Map<string, FxRate>(
    program.fxRates.map((fx) => [
      fx.id,
      { from: fx.from, to: fx.to, rate: parseDecimal(fx.rate), source: fx.source, date: fx.date },
    ]),
  );
  return {
    code: program.code,
    name: program.name,
    year: program.year,
    budget: parseYuan(program.budget),
    rounding: program.rounding,
    clauses: program.clauses.map((clause, i) => ({
      id: clause.id,
      citation: clause.citation,
      eligibility: compileRule(clause.eligibility, `clauses[${i}].eligibility`),
      formula: compileFormula(clause.formula, program, fxRates),
    })),
    perEnterpriseCap: optionalYuan(program.perEnterpriseCap),
    allocation: program.allocation,
  };
}
