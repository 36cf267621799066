// Eligibility (申报条件) over facts: leaves compare one fact with =, ≠, >, ≥, <, ≤, in or between; all / any /
// not combine them. Every leaf yields one reason, rendered later in either locale, so evaluating a million
// applicants costs no string work until someone reads the result.
import { type Locale, t } from '../../shared/i18n';
import type { FactRef, MetricRef } from '../../shared/program-file';
import type { CompiledRule } from './compile';
import { type ApplicantFacts, type FactValue, resolveFact } from './facts';
import { grouped, showUsd } from './format';

type LeafRule = Exclude<CompiledRule, { op: 'all' | 'any' | 'not' }>;

export interface RuleReason {
  /** JSON path of the leaf rule in the program file. */
  path: string;
  pass: boolean;
  rule: LeafRule;
  actual: FactValue;
}

export interface EligibilityResult {
  pass: boolean;
  /** One per leaf rule, in document order; every leaf is evaluated so each reason is available. */
  reasons: RuleReason[];
}

function compare(actual: bigint | string | boolean, op: LeafRule['op'], required: unknown): boolean {
  switch (op) {
    case 'eq':
      return actual === required;
    case 'ne':
      return actual !== required;
    case 'gt':
      return (actual as bigint) > (required as bigint);
    case 'gte':
      return (actual as bigint) >= (required as bigint);
    case 'lt':
      return (actual as bigint) < (required as bigint);
    case 'lte':
      return (actual as bigint) <= (required as bigint);
    default:
      return false;
  }
}

function evaluateLeaf(rule: LeafRule, actual: FactValue): boolean {
  if (actual.kind === 'missing') return false;
  if (rule.op === 'in') return actual.kind === 'text' && rule.values.includes(actual.value);
  if (rule.op === 'between')
    return actual.kind === 'usd' && actual.value >= rule.min && actual.value <= rule.max;
  // A value of the wrong type never satisfies a comparison (checkProgram keeps files from asking for one).
  if (actual.kind === 'usd' ? typeof rule.value !== 'bigint' : typeof rule.value !== typeof actual.value)
    return false;
  return compare(actual.value, rule.op, rule.value);
}

function walk(
  rule: CompiledRule,
  facts: ApplicantFacts,
  year: number,
  reasons: RuleReason[] | null,
): boolean {
  switch (rule.op) {
    case 'all': {
      let pass = true;
      for (const child of rule.rules) pass = walk(child, facts, year, reasons) && pass;
      return pass;
    }
    case 'any': {
      let pass = false;
      for (const child of rule.rules) pass = walk(child, facts, year, reasons) || pass;
      return pass;
    }
    case 'not':
      return !walk(rule.rule, facts, year, reasons);
    default: {
      const actual = resolveFact(facts, rule.fact, year);
      const pass = evaluateLeaf(rule, actual);
      reasons?.push({ path: rule.path, pass, rule, actual });
      return pass;
    }
  }
}

/**
 * Evaluates a rule for one applicant and program year; pure, and every leaf contributes one reason (none
 * with `explain` false: the same verdict without the reasons).
 */
export function evaluateEligibility(
  rule: CompiledRule,
  facts: ApplicantFacts,
  programYear: number,
  explain = true,
): EligibilityResult {
  const reasons: RuleReason[] | null = explain ? [] : null;
  const pass = walk(rule, facts, programYear, reasons);
  return { pass, reasons: reasons ?? [] };
}

function yearLabel(locale: Locale, relative: number): string {
  if (relative === 0) return t(locale, 'rules.year.current');
  if (relative === -1) return t(locale, 'rules.year.previous');
  if (relative > 0) return t(locale, 'rules.year.next');
  return t(locale, 'rules.year.before', { n: -relative });
}

/** '上一年度服务贸易额' / 'service trade volume of the previous year'. */
export function metricLabel(ref: MetricRef, locale: Locale): string {
  return t(locale, `rules.factLabel.${ref.source}`, {
    year: yearLabel(locale, ref.year),
    metric: t(locale, `rules.metric.${ref.metric}`),
  });
}

function factLabel(fact: FactRef, locale: Locale): string {
  return fact.source === 'profile' ? t(locale, `rules.field.${fact.field}`) : metricLabel(fact, locale);
}

/** A profile value shown as a word of the locale (flags, size classes) rather than as it is. */
const translated = (fact: FactRef) =>
  fact.source === 'profile' && fact.field !== 'district' && fact.field !== 'industry';

function showValue(fact: FactRef, value: string | boolean | bigint, locale: Locale): string {
  if (typeof value === 'bigint') return showUsd(value, locale);
  if (fact.source === 'profile' && translated(fact))
    return t(locale, `rules.value.${fact.field}.${String(value)}`);
  return String(value);
}

function capitalize(sentence: string, locale: Locale): string {
  return locale === 'en-US' ? sentence.charAt(0).toUpperCase() + sentence.slice(1) : sentence;
}

/** The sentence for one leaf whose actual value (not missing) reads as `shown`. */
function sentence(reason: RuleReason, locale: Locale, shown: string): string {
  const { rule, actual } = reason;
  const verdict = t(locale, `rules.verdict.${reason.pass ? 'pass' : 'fail'}`);
  const fact = factLabel(rule.fact, locale);
  let text: string;
  if (rule.op === 'in') {
    const required = rule.values
      .map((v) => showValue(rule.fact, v, locale))
      .join(t(locale, 'rules.reason.listSeparator'));
    text = t(locale, 'rules.reason.textIn', { fact, actual: shown, required, verdict });
  } else if (rule.op === 'between') {
    const [min, max] = [showUsd(rule.min, locale), showUsd(rule.max, locale)];
    text = t(locale, 'rules.reason.amountBetween', { fact, actual: shown, min, max, verdict });
  } else if (actual.kind === 'usd') {
    const relation = t(locale, `rules.relation.${rule.op}.${reason.pass ? 'pass' : 'fail'}`);
    const required = showValue(rule.fact, rule.value, locale);
    text = t(locale, 'rules.reason.amount', { fact, actual: shown, relation, required, verdict });
  } else {
    // A flag required to be false reads as the statement of its opposite: '无违法违规记录'.
    const wanted = actual.kind === 'bool' && rule.op === 'ne' ? !rule.value : rule.value;
    const required = showValue(rule.fact, wanted, locale);
    // A met flag needs no "required" half: '无违法违规记录（满足）'.
    const flag = reason.pass ? 'flagMet' : 'flag';
    const key = actual.kind === 'bool' ? flag : rule.op === 'ne' ? 'textNot' : 'text';
    text = t(locale, `rules.reason.${key}`, { fact, actual: shown, required, verdict });
  }
  return capitalize(text, locale);
}

/** The sentence for one leaf, e.g. `上一年度服务贸易额 USD 1,234,567.00，高于 USD 1,000,000.00（满足）`. */
export function renderReason(reason: RuleReason, locale: Locale): string {
  const { rule, actual } = reason;
  if (actual.kind === 'missing') {
    const verdict = t(locale, `rules.verdict.${reason.pass ? 'pass' : 'fail'}`);
    const fact = factLabel(rule.fact, locale);
    return capitalize(t(locale, 'rules.reason.missing', { fact, verdict }), locale);
  }
  return sentence(reason, locale, showValue(rule.fact, actual.value, locale));
}

const HOLE = '\u0000';

/**
 * renderReason for many applicants: the same sentences, but each rule's sentence is built once per verdict
 * and kind of value, with a hole where the actual value goes (a flag's two sentences are kept whole), so a
 * million applicants cost a concatenation per reason instead of a template lookup and fill. The memory is
 * bounded by the rules, not by the applicants.
 */
export function reasonRenderer(locale: Locale): (reason: RuleReason) => string {
  const byRule = new WeakMap<LeafRule, Map<string, string | readonly [string, string] | null>>();
  const usd = t(locale, 'rules.value.usd', { amount: HOLE }).split(HOLE);
  const [usdHead = '', usdTail = ''] = usd;
  const showAmount =
    usd.length === 2
      ? (cents: bigint) => `${usdHead}${grouped(cents)}${usdTail}`
      : (cents: bigint) => showUsd(cents, locale);
  return (reason) => {
    const { rule, actual } = reason;
    let cache = byRule.get(rule);
    if (cache === undefined) {
      cache = new Map();
      byRule.set(rule, cache);
    }
    // Flags and size classes are shown through the locale and take a few values: their sentences are whole.
    const byValue = actual.kind === 'bool' || (actual.kind === 'text' && translated(rule.fact));
    const whole = byValue || actual.kind === 'missing';
    const key = `${reason.pass}:${actual.kind}${byValue ? `:${actual.value}` : ''}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      if (whole) entry = renderReason(reason, locale);
      else {
        const parts = sentence(reason, locale, HOLE).split(HOLE);
        // A sentence that starts with the value (which capitalisation might touch) is not split.
        entry = parts.length === 2 && parts[0] !== '' ? [parts[0] as string, parts[1] as string] : null;
      }
      cache.set(key, entry);
    }
    if (typeof entry === 'string') return entry;
    if (entry === null) return renderReason(reason, locale);
    if (actual.kind === 'usd') return `${entry[0]}${showAmount(actual.value)}${entry[1]}`;
    if (actual.kind === 'text') return `${entry[0]}${actual.value}${entry[1]}`;
    return renderReason(reason, locale);
  };
}

/** All reasons of a result as sentences in one locale. */
export function renderReasons(result: EligibilityResult, locale: Locale): string[] {
  return result.reasons.map((reason) => renderReason(reason, locale));
}

/** The reasons in both product locales, as an API or an audit record carries them. */
export function explainEligibility(result: EligibilityResult): Record<Locale, string[]> {
  return { 'zh-CN': renderReasons(result, 'zh-CN'), 'en-US': renderReasons(result, 'en-US') };
}
