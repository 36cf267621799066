// Facts (事实) an eligibility rule or a reward formula reads: the enterprise profile, registry statistics by
// calendar year and figures the applicant declared. Rules name a year relative to the program year, so the
// same program file works for any year; resolving that reference is the only place the two meet.

import type { FactRef, Metric, MetricRef, SizeClass } from '../../shared/program-file';
import type { Cents } from '../money/money';

export type MetricValues = Partial<Record<Metric, Cents>>;

export interface ApplicantProfile {
  /** 统一社会信用代码 */
  uscc: string;
  name: string;
  /** Registered district, e.g. 天河区. */
  district: string;
  sizeClass: SizeClass;
  /** Counted in the district's service trade statistics (依法统计). */
  statsRegistered: boolean;
  /** Recorded violations (违法违规记录). */
  violations: boolean;
  industry?: string;
}

export interface ApplicantFacts extends ApplicantProfile {
  /** Registry statistics by calendar year. */
  registry: ReadonlyMap<number, MetricValues>;
  /** Declared figures by calendar year. */
  declared?: ReadonlyMap<number, MetricValues>;
  /** A review score, used only by ranking allocation by score. */
  score?: number;
}

export type FactValue =
  | { kind: 'text'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'usd'; value: Cents }
  | { kind: 'missing' };

const MISSING: FactValue = { kind: 'missing' };

/** A metric for a relative year, or undefined when the applicant has no such figure. */
export function metricValue(facts: ApplicantFacts, ref: MetricRef, programYear: number): Cents | undefined {
  const byYear = ref.source === 'registry' ? facts.registry : facts.declared;
  return byYear?.get(programYear + ref.year)?.[ref.metric];
}

/** Resolves any fact reference to a typed value; a figure the applicant lacks is `missing`, never zero. */
export function resolveFact(facts: ApplicantFacts, ref: FactRef, programYear: number): FactValue {
  if (ref.source !== 'profile') {
    const value = metricValue(facts, ref, programYear);
    return value === undefined ? MISSING : { kind: 'usd', value };
  }
  switch (ref.field) {
    case 'district':
      return { kind: 'text', value: facts.district };
    case 'size_class':
      return { kind: 'text', value: facts.sizeClass };
    case 'stats_registered':
      return { kind: 'bool', value: facts.statsRegistered };
    case 'violations':
      return { kind: 'bool', value: facts.violations };
    case 'industry':
      return facts.industry === undefined ? MISSING : { kind: 'text', value: facts.industry };
  }
}

/** 中小微企业: the size classes counted as SMEs in distribution summaries. */
export const SME_CLASSES: ReadonlySet<SizeClass> = new Set(['medium', 'small', 'micro']);
