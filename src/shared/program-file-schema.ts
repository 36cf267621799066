// The structure of the program definition file (专项资金项目定义文件) as a zod schema: every field, its type and
// bounds. The cross-field rules are in program-file-checks.ts and the whole file's validation is
// program-file.ts, which is what the rest of the code imports.
import { z } from 'zod';
import { text } from './api/primitives';
import { ROUNDING_UNITS, SIZE_CLASSES, type SizeClass } from './domain';

export const PROGRAM_FILE_VERSION = 1;

/** Every free text of the file is this one primitive: bounded and NUL-free (PostgreSQL refuses NUL). */
const label = (max = 500) => text({ min: 1, max });

/** How deep eligibility rules may nest; the top rule of a clause is depth 1. */
export const MAX_RULE_DEPTH = 32;

/** 元 with at most two decimals, e.g. '1299600.00'. */
export const yuanAmount = z.string().regex(/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/);
/** US dollars with at most two decimals, e.g. '1000000.00'. */
export const usdAmount = z.string().regex(/^(0|[1-9]\d{0,13})(\.\d{1,2})?$/);
/** A non-negative exact decimal or percentage: '0.02', '2%', '12.5%'. */
export const rateText = z.string().regex(/^(0|[1-9]\d{0,5})(\.\d{1,10})?%?$/);
/** A signed exact percentage or decimal for growth brackets: '-5%', '10%', '0.3'. */
export const signedRateText = z.string().regex(/^-?(0|[1-9]\d{0,5})(\.\d{1,10})?%?$/);
/** An exact positive FX rate (CNY per USD), e.g. '6.7261'. */
export const fxRateText = z.string().regex(/^(0|[1-9]\d{0,3})(\.\d{1,10})?$/);
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/);

export { SIZE_CLASSES, type SizeClass };

/** Registry and declared figures, all in US dollars (the seed's statistics are kept in USD). */
export const METRICS = [
  'service_trade_usd',
  'service_export_usd',
  'service_import_usd',
  'outsourcing_exec_usd',
  'offshore_exec_usd',
] as const;
export type Metric = (typeof METRICS)[number];

export const PROFILE_FIELDS = [
  'district',
  'size_class',
  'stats_registered',
  'violations',
  'industry',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const roundingSchema = z.strictObject({
  unit: z.enum(ROUNDING_UNITS),
  mode: z.enum(['half-up', 'down']),
});

/** A figure of a year relative to the program year: year -1 is the year before the program year. */
const relativeYear = z.number().int().min(-10).max(1);
export const metricRefSchema = z.strictObject({
  source: z.enum(['registry', 'declared']),
  metric: z.enum(METRICS),
  year: relativeYear,
});
export type MetricRef = z.infer<typeof metricRefSchema>;

export const factRefSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('profile'), field: z.enum(PROFILE_FIELDS) }),
  metricRefSchema,
]);
export type FactRef = z.infer<typeof factRefSchema>;

const leafValue = z.union([text({ max: 200 }), z.boolean()]);
const comparisonOps = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const;
export type ComparisonOp = (typeof comparisonOps)[number];

export type Rule =
  | { op: ComparisonOp; fact: FactRef; value: string | boolean; id?: string }
  | { op: 'in'; fact: FactRef; values: string[]; id?: string }
  | { op: 'between'; fact: FactRef; min: string; max: string; id?: string }
  | { op: 'all'; rules: Rule[] }
  | { op: 'any'; rules: Rule[] }
  | { op: 'not'; rule: Rule };

export const ruleSchema: z.ZodType<Rule> = z
  .lazy(() =>
    z.discriminatedUnion('op', [
      z.strictObject({
        op: z.enum(comparisonOps),
        fact: factRefSchema,
        value: leafValue,
        id: code.optional(),
      }),
      z.strictObject({
        op: z.literal('in'),
        fact: factRefSchema,
        values: z
          .array(text({ max: 200 }))
          .min(1)
          .max(500),
        id: code.optional(),
      }),
      z.strictObject({
        op: z.literal('between'),
        fact: factRefSchema,
        min: text({ max: 40 }),
        max: text({ max: 40 }),
        id: code.optional(),
      }),
      z.strictObject({ op: z.literal('all'), rules: z.array(ruleSchema).min(1).max(100) }),
      z.strictObject({ op: z.literal('any'), rules: z.array(ruleSchema).min(1).max(100) }),
      z.strictObject({ op: z.literal('not'), rule: ruleSchema }),
    ]),
  )
  .meta({ id: 'EligibilityRule' });

const sizeMultipliersSchema = z.strictObject({
  large: rateText.optional(),
  medium: rateText.optional(),
  small: rateText.optional(),
  micro: rateText.optional(),
});

/** Options every formula shares; caps and floors are in 元. */
const formulaCommon = {
  base: metricRefSchema,
  cap: yuanAmount.optional(),
  floor: yuanAmount.optional(),
  sizeMultipliers: sizeMultipliersSchema.optional(),
  rounding: roundingSchema.optional(),
  /**
   * Only when the policy text says so: round the converted CNY amount (before the size multiplier) to this
   * unit. Without it the formula is exact until its one rounding to `rounding`.
   */
  intermediateRounding: roundingSchema.optional(),
  fxRateId: code.optional(),
};

/** A bracket of the base in US dollars: from ≤ base < to; the last bracket may be open. */
const bracket = { from: usdAmount, to: usdAmount.optional() };
/** A bracket of growth in percent: from ≤ growth < to. */
const growthBracket = { from: signedRateText, to: signedRateText.optional() };

export const formulaSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fixed_above_threshold'),
    ...formulaCommon,
    threshold: usdAmount,
    inclusive: z.boolean().optional(),
    amount: yuanAmount,
  }),
  z.strictObject({ kind: z.literal('rate'), ...formulaCommon, rate: rateText }),
  z.strictObject({
    kind: z.literal('step_tiers'),
    ...formulaCommon,
    tiers: z
      .array(z.strictObject({ ...bracket, amount: yuanAmount }))
      .min(1)
      .max(50),
  }),
  z.strictObject({
    kind: z.literal('marginal_tiers'),
    ...formulaCommon,
    tiers: z
      .array(z.strictObject({ ...bracket, rate: rateText }))
      .min(1)
      .max(50),
  }),
  z.strictObject({ kind: z.literal('growth'), ...formulaCommon, rate: rateText }),
  z.strictObject({
    kind: z.literal('growth_tiers'),
    ...formulaCommon,
    tiers: z
      .array(z.strictObject({ ...growthBracket, amount: yuanAmount }))
      .min(1)
      .max(50),
  }),
]);
export type Formula = z.infer<typeof formulaSchema>;
export type FormulaKind = Formula['kind'];

const materialSchema = z.strictObject({ code, name: label(200).optional() });

export const clauseSchema = z.strictObject({
  id: code,
  citation: label(),
  summary: label(2000),
  notes: label(2000).optional(),
  eligibility: ruleSchema,
  formula: formulaSchema,
  /** Any-of groups: an application is complete when every material of at least one group is present. */
  materials: z.array(z.array(materialSchema).min(1).max(20)).max(20),
});
export type Clause = z.infer<typeof clauseSchema>;

export const allocationSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('proportional'), unit: z.enum(ROUNDING_UNITS) }),
  z.strictObject({
    method: z.literal('ranking'),
    by: z.enum(['score', 'amount']),
    lastApplicant: z.enum(['partial', 'skip', 'skip_and_continue']),
  }),
]);
export type AllocationConfig = z.infer<typeof allocationSchema>;

export const fxRateSchema = z.strictObject({
  id: code,
  from: z.literal('USD'),
  to: z.literal('CNY'),
  rate: fxRateText,
  source: label(),
  date: isoDate,
});

export const performanceTargetSchema = z.strictObject({
  code,
  name: label(200),
  level1: label(50).optional(),
  level2: label(50).optional(),
  direction: z.enum(['gte', 'lte', 'eq', 'qualitative']),
  target: text({ min: 1, max: 200 }),
  unit: text({ max: 20 }),
  points: z.number().int().min(0).max(100),
});

export const programFileShape = z.strictObject({
  version: z.literal(PROGRAM_FILE_VERSION),
  code,
  name: label(200),
  year: z.number().int().min(2000).max(2100),
  department: label(200),
  basis: z
    .array(z.strictObject({ number: label(100), title: label(), clause: label(200).optional() }))
    .max(50),
  budget: yuanAmount,
  fundSource: label(200),
  rounding: roundingSchema,
  fxRates: z.array(fxRateSchema).max(20),
  clauses: z.array(clauseSchema).min(1).max(50),
  perEnterpriseCap: yuanAmount.optional(),
  allocation: allocationSchema,
  publicity: z.strictObject({
    days: z.number().int().min(1).max(60),
    kind: z.enum(['workdays', 'calendar_days']),
  }),
  performanceTargets: z.array(performanceTargetSchema).max(100),
  notes: label(2000).optional(),
});

export type ProgramFile = z.infer<typeof programFileShape>;
