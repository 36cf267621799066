// Simulation (政策模拟): a program run over a list of applicants — eligibility with reasons, computed award,
// budget allocation, totals and the distribution — and the comparison of two programs on the same list.
import type { Locale } from '../../shared/i18n';
import type { ProgramFile, SizeClass } from '../../shared/program-file';
import { decimalToString } from '../money/decimal';
import { type Fen, fen, yuanString } from '../money/money';
import { allocate } from './allocate';
import { type ApplicantAward, computeAward } from './award';
import { compileProgram } from './compile';
import { type Distribution, summarizeDistribution } from './distribution';
import { renderReason } from './eligibility';
import type { ApplicantFacts } from './facts';

export interface SimulatedApplicant {
  uscc: string;
  name: string;
  sizeClass: SizeClass;
  eligible: boolean;
  /** One sentence per leaf rule of every clause, in the requested locale. */
  reasons: string[];
  computed: Fen;
  allocated: Fen;
  award: ApplicantAward;
}

export interface SimulationTotals {
  eligible: number;
  computed: Fen;
  allocated: Fen;
  budget: Fen;
}

export interface SimulationResult {
  program: { code: string; name: string; year: number };
  applicants: SimulatedApplicant[];
  totals: SimulationTotals;
  /** True when the computed total exceeded the budget and allocation cut it. */
  reduced: boolean;
  distribution: Distribution;
}

/** Runs a validated program over applicants; pure. Totals: allocated = min(computed, budget) for proportional. */
export function simulateProgram(
  program: ProgramFile,
  applicants: readonly ApplicantFacts[],
  locale: Locale = 'zh-CN',
): SimulationResult {
  const compiled = compileProgram(program);
  const awards = applicants.map((facts) => computeAward(compiled, facts));
  const allocation = allocate(
    awards.map((award, i) => {
      const score = applicants[i]?.score;
      return score === undefined
        ? { id: award.uscc, computed: award.computed }
        : { id: award.uscc, computed: award.computed, score };
    }),
    compiled.budget,
    compiled.allocation,
  );
  let computed = 0n;
  let eligible = 0;
  const rows = awards.map((award, i): SimulatedApplicant => {
    const facts = applicants[i] as ApplicantFacts;
    computed += award.computed;
    if (award.eligible) eligible += 1;
    return {
      uscc: award.uscc,
      name: facts.name,
      sizeClass: facts.sizeClass,
      eligible: award.eligible,
      reasons: award.clauses.flatMap((c) => c.eligibility.reasons.map((r) => renderReason(r, locale))),
      computed: award.computed,
      allocated: allocation.allocated[i] ?? fen(0n),
      award,
    };
  });
  return {
    program: { code: compiled.code, name: compiled.name, year: compiled.year },
    applicants: rows,
    totals: { eligible, computed: fen(computed), allocated: allocation.total, budget: compiled.budget },
    reduced: allocation.reduced,
    distribution: summarizeDistribution(rows),
  };
}

export interface SimulationComparison {
  a: SimulationResult;
  b: SimulationResult;
  /** Per applicant (by USCC, in the order of `a`): allocated under each program and b − a. */
  applicants: { uscc: string; name: string; a: Fen; b: Fen; difference: Fen }[];
}

/** Puts two simulations of the same applicants side by side. */
export function compareSimulations(a: SimulationResult, b: SimulationResult): SimulationComparison {
  const inB = new Map(b.applicants.map((row) => [row.uscc, row.allocated]));
  return {
    a,
    b,
    applicants: a.applicants.map((row) => {
      const other = inB.get(row.uscc) ?? fen(0n);
      return {
        uscc: row.uscc,
        name: row.name,
        a: row.allocated,
        b: other,
        difference: fen(other - row.allocated),
      };
    }),
  };
}

/** One applicant of the documented `--json` shape. */
export function applicantToJson(
  row: Pick<SimulatedApplicant, 'uscc' | 'eligible' | 'reasons' | 'computed' | 'allocated'>,
) {
  return {
    uscc: row.uscc,
    eligible: row.eligible,
    reasons: row.reasons,
    computed: yuanString(row.computed),
    allocated: yuanString(row.allocated),
  };
}

/** Totals in the documented `--json` shape: amounts as 元 strings with two decimals. */
export function totalsToJson(totals: SimulationTotals) {
  return {
    eligible: totals.eligible,
    computed: yuanString(totals.computed),
    allocated: yuanString(totals.allocated),
    budget: yuanString(totals.budget),
  };
}

/** The distribution in the documented `--json` shape: ratios to four decimals. */
export function distributionToJson(d: Distribution) {
  return {
    count: d.count,
    min: yuanString(d.min),
    median: yuanString(d.median),
    max: yuanString(d.max),
    smeShare: decimalToString(d.smeShare, 4),
    gini: decimalToString(d.gini, 4),
  };
}

/** The documented `--json` shape: amounts as 元 strings with two decimals. */
export function simulationToJson(result: SimulationResult) {
  return {
    applicants: result.applicants.map(applicantToJson),
    totals: totalsToJson(result.totals),
    distribution: distributionToJson(result.distribution),
  };
}
