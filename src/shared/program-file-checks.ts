// The rules of a program file that its structure cannot say (unique ids, FX references, tier order, value
// types), and the nesting limit of eligibility rules, checked before the schema so a file nested thousands
// deep cannot overflow the stack.
import { SIZE_CLASSES } from './domain';
import {
  type FormulaKind,
  MAX_RULE_DEPTH,
  type ProfileField,
  type ProgramFile,
  type Rule,
  usdAmount,
} from './program-file-schema';

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
export function checkProgram(program: ProgramFile): CheckIssue[] {
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The path of the first eligibility rule nested deeper than MAX_RULE_DEPTH, or null. Runs before the schema,
 * without recursion, because the recursive schema would overflow the stack on a file nested thousands deep.
 */
export function tooDeepRule(json: unknown): (string | number)[] | null {
  if (!isRecord(json) || !Array.isArray(json.clauses)) return null;
  const stack = json.clauses.map((clause: unknown, i) => ({
    rule: isRecord(clause) ? clause.eligibility : undefined,
    depth: 1,
    path: ['clauses', i, 'eligibility'] as (string | number)[],
  }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { rule, depth, path } = next;
    if (!isRecord(rule)) continue;
    if (depth > MAX_RULE_DEPTH) return path;
    if (Array.isArray(rule.rules))
      rule.rules.forEach((child: unknown, i) => {
        stack.push({ rule: child, depth: depth + 1, path: [...path, 'rules', i] });
      });
    if (rule.rule !== undefined) stack.push({ rule: rule.rule, depth: depth + 1, path: [...path, 'rule'] });
  }
  return null;
}
