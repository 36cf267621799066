// The program definition file (专项资金项目定义文件): one JSON document holding a program — basis documents,
// budget, rounding, FX rates, clauses with eligibility rules and reward formulas, materials, allocation,
// publicity and performance targets. This zod schema is the single source: the code validates with it and
// scripts/generate-program-schema.ts writes program-file.schema.json from it. Money is carried as decimal
// strings (never JSON numbers) so nothing passes through a float.
import { z } from 'zod';
import { DEFAULT_LOCALE, type Locale, t } from './i18n';

export const PROGRAM_FILE_VERSION = 1;

const noNul = (value: string) => !value.includes('\u0000');
const label = (max = 500) => z.string().min(1).max(max).refine(noNul, { message: 'TEXT_NUL_CHARACTER' });

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

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

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

export const ROUNDING_UNITS = ['fen', 'jiao', 'yuan', 'hundred_yuan', 'thousand_yuan', 'wan_yuan'] as const;
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

const leafValue = z.union([
  z.string().max(200).refine(noNul, { message: 'TEXT_NUL_CHARACTER' }),
  z.boolean(),
]);
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
        values: z.array(z.string().max(200)).min(1).max(500),
        id: code.optional(),
      }),
      z.strictObject({
        op: z.literal('between'),
        fact: factRefSchema,
        min: z.string().max(40),
        max: z.string().max(40),
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
  target: z.string().min(1).max(200),
  unit: z.string().max(20),
  points: z.number().int().min(0).max(100),
});

const programFileShape = z.strictObject({
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

/** The whole file: structure first, then the cross-field rules of checkProgram (which run once it parses). */
export const programFileSchema = programFileShape.superRefine((program, ctx) => {
  for (const issue of checkProgram(program)) ctx.addIssue({ code: 'custom', ...issue });
});
export type ProgramFile = z.infer<typeof programFileShape>;

export interface ProgramFileError {
  /** JSON path such as `clauses[0].formula.tiers[2].rate`; '' for the document itself. */
  path: string;
  code: string;
  message: string;
}

/** Writes a zod issue path the way a reader of the JSON file would: `clauses[0].formula.rate`. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

interface CheckIssue {
  path: (string | number)[];
  message: string;
  params?: Record<string, string>;
}

/** An exact comparable value of a decimal or percentage text, scaled by 10^12 (texts carry ≤ 12 digits). */
function scaled(text: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,10}))?(%?)$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '', fraction = '', percent] = match;
  const magnitude = BigInt(whole + fraction) * 10n ** BigInt(12 - fraction.length - (percent ? 2 : 0));
  return sign === '-' ? -magnitude : magnitude;
}

const NEEDS_FX: ReadonlySet<FormulaKind> = new Set(['rate', 'marginal_tiers', 'growth']);
const BOOLEAN_FIELDS: ReadonlySet<ProfileField> = new Set(['stats_registered', 'violations']);

function checkRule(rule: Rule, path: (string | number)[], out: CheckIssue[]): void {
  if (rule.op === 'all' || rule.op === 'any') {
    rule.rules.forEach((child, i) => {
      checkRule(child, [...path, 'rules', i], out);
    });
    return;
  }
  if (rule.op === 'not') {
    checkRule(rule.rule, [...path, 'rule'], out);
    return;
  }
  const { fact } = rule;
  const values =
    rule.op === 'in'
      ? rule.values.map((v, i) => [v, 'values', i] as const)
      : rule.op === 'between'
        ? [[rule.min, 'min'] as const, [rule.max, 'max'] as const]
        : [[rule.value, 'value'] as const];
  if (fact.source !== 'profile') {
    if (rule.op === 'in') out.push({ path: [...path, 'op'], message: 'RULE_OP_NOT_FOR_AMOUNT' });
    for (const [value, ...at] of values) {
      if (typeof value !== 'string' || !usdAmount.safeParse(value).success)
        out.push({ path: [...path, ...at], message: 'RULE_VALUE_NOT_USD' });
    }
    if (rule.op === 'between' && (scaled(rule.min) ?? 0n) > (scaled(rule.max) ?? 0n))
      out.push({ path, message: 'RULE_BETWEEN_EMPTY' });
    return;
  }
  const isBoolean = BOOLEAN_FIELDS.has(fact.field);
  if (rule.op !== 'eq' && rule.op !== 'ne' && (isBoolean || rule.op !== 'in'))
    out.push({ path: [...path, 'op'], message: 'RULE_OP_NOT_FOR_FIELD', params: { field: fact.field } });
  for (const [value, ...at] of values) {
    const ok = isBoolean
      ? typeof value === 'boolean'
      : typeof value === 'string' &&
        (fact.field !== 'size_class' || (SIZE_CLASSES as readonly string[]).includes(value));
    if (!ok)
      out.push({ path: [...path, ...at], message: 'RULE_VALUE_WRONG_TYPE', params: { field: fact.field } });
  }
}

type Tier = { from: string; to?: string | undefined };

/** Brackets must start at or above zero, be non-empty, ascending and contiguous; only the last may be open. */
function checkTiers(tiers: readonly Tier[], path: (string | number)[], out: CheckIssue[]): void {
  tiers.forEach((tier, i) => {
    const from = scaled(tier.from) ?? 0n;
    const to = tier.to === undefined ? null : (scaled(tier.to) ?? 0n);
    if (to !== null && to <= from) out.push({ path: [...path, i, 'to'], message: 'TIER_EMPTY' });
    const next = tiers[i + 1];
    if (next === undefined) return;
    if (to === null) out.push({ path: [...path, i, 'to'], message: 'TIER_OPEN_NOT_LAST' });
    else if (scaled(next.from) !== to)
      out.push({ path: [...path, i + 1, 'from'], message: 'TIERS_NOT_CONTIGUOUS' });
  });
}

/** The cross-field rules a JSON Schema cannot say: unique ids, FX references, tier order, value types. */
export function checkProgram(program: z.infer<typeof programFileShape>): CheckIssue[] {
  const out: CheckIssue[] = [];
  const fxIds = new Set<string>();
  program.fxRates.forEach((fx, i) => {
    if (fxIds.has(fx.id)) out.push({ path: ['fxRates', i, 'id'], message: 'DUPLICATE_ID' });
    if ((scaled(fx.rate) ?? 0n) <= 0n)
      out.push({ path: ['fxRates', i, 'rate'], message: 'FX_RATE_NOT_POSITIVE' });
    fxIds.add(fx.id);
  });
  const clauseIds = new Set<string>();
  program.clauses.forEach((clause, c) => {
    const at = ['clauses', c];
    if (clauseIds.has(clause.id)) out.push({ path: [...at, 'id'], message: 'DUPLICATE_ID' });
    clauseIds.add(clause.id);
    checkRule(clause.eligibility, [...at, 'eligibility'], out);
    const { formula } = clause;
    if (formula.fxRateId !== undefined && !fxIds.has(formula.fxRateId))
      out.push({ path: [...at, 'formula', 'fxRateId'], message: 'FX_RATE_UNKNOWN' });
    else if (formula.fxRateId === undefined && NEEDS_FX.has(formula.kind) && program.fxRates.length === 0)
      out.push({ path: [...at, 'formula'], message: 'FX_RATE_MISSING' });
    if (
      formula.cap !== undefined &&
      formula.floor !== undefined &&
      (scaled(formula.floor) ?? 0n) > (scaled(formula.cap) ?? 0n)
    )
      out.push({ path: [...at, 'formula', 'floor'], message: 'FLOOR_ABOVE_CAP' });
    if ('tiers' in formula) checkTiers(formula.tiers, [...at, 'formula', 'tiers'], out);
  });
  return out;
}

export type ProgramFileResult =
  | { ok: true; program: ProgramFile }
  | { ok: false; errors: ProgramFileError[] };

/**
 * Validates a parsed JSON document as a program file. An invalid file is rejected as a whole: every error
 * comes back with its JSON path; the message is in the given locale when the code has one.
 */
export function parseProgramFile(json: unknown, locale: Locale = DEFAULT_LOCALE): ProgramFileResult {
  const result = programFileSchema.safeParse(json);
  if (result.success) return { ok: true, program: result.data };
  const errors = result.error.issues.map((issue): ProgramFileError => {
    const isCheck = issue.code === 'custom' && /^[A-Z_]+$/.test(issue.message);
    const code = `PROGRAM_FILE_${isCheck ? issue.message : issue.code.toUpperCase()}`;
    const params = { ...((issue.code === 'custom' && issue.params) || {}), detail: issue.message };
    return { path: formatJsonPath(issue.path), code, message: t(locale, `errors.${code}`, params) };
  });
  return { ok: false, errors };
}
