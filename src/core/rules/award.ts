// One applicant's award across a program's clauses: each clause's eligibility and formula, then the
// per-enterprise total cap (单户奖励总额上限). An applicant is eligible when it meets at least one clause.
import type { Locale } from '../../shared/i18n';
import { type Fen, fen, yuanString } from '../money/money';
import type { CompiledProgram } from './compile';
import { type EligibilityResult, evaluateEligibility, renderReasons } from './eligibility';
import type { ApplicantFacts } from './facts';
import { computeFormula } from './formulas';
import { cny, renderTrace, type TraceStep } from './trace';

export interface ClauseOutcome {
  clauseId: string;
  eligibility: EligibilityResult;
  /** 0 when the clause's eligibility fails. */
  amount: Fen;
  trace: TraceStep[];
}

export interface ApplicantAward {
  uscc: string;
  eligible: boolean;
  clauses: ClauseOutcome[];
  /** The computed award (核定前计算金额) before any budget allocation. */
  computed: Fen;
  /** Program-level steps: each clause's amount and the per-enterprise cap. */
  trace: TraceStep[];
}

/** What an award carries besides its amounts; a simulation of a million applicants leaves out what it never shows. */
export interface AwardDetail {
  /** The eligibility reasons of each clause (default true). */
  reasons?: boolean;
  /** The calculation trace of each clause and of the program (default true). */
  trace?: boolean;
}

/**
 * Computes one applicant's award; pure. Guarantees computed ≤ perEnterpriseCap when the program sets one,
 * and the same eligibility and amounts whatever `detail` leaves out (left out, reasons and traces are empty).
 */
export function computeAward(
  program: CompiledProgram,
  facts: ApplicantFacts,
  detail: AwardDetail = {},
): ApplicantAward {
  const explainReasons = detail.reasons ?? true;
  const explainTrace = detail.trace ?? true;
  const clauses: ClauseOutcome[] = [];
  const trace: TraceStep[] = [];
  let total = 0n;
  let eligible = false;
  for (const clause of program.clauses) {
    const eligibility = evaluateEligibility(clause.eligibility, facts, program.year, explainReasons);
    if (!eligibility.pass) {
      clauses.push({ clauseId: clause.id, eligibility, amount: fen(0n), trace: [] });
      continue;
    }
    eligible = true;
    const result = computeFormula(clause.formula, facts, program.year, explainTrace);
    clauses.push({ clauseId: clause.id, eligibility, amount: result.amount, trace: result.trace });
    total += result.amount;
    if (!explainTrace) continue;
    trace.push({
      kind: 'result',
      labelKey: 'rules.trace.clauseResult',
      params: { clause: clause.id, amount: cny(result.amount) },
    });
  }
  const cap = program.perEnterpriseCap;
  if (cap !== null && total > cap) {
    if (explainTrace)
      trace.push({
        kind: 'cap',
        labelKey: 'rules.trace.enterpriseCap',
        params: { before: cny(total), cap: cny(cap), result: cny(cap) },
      });
    total = cap;
  }
  return { uscc: facts.uscc, eligible, clauses, computed: fen(total), trace };
}

/** An award as plain JSON in one locale: amounts as 元 strings, reasons and trace as sentences. */
export function presentAward(award: ApplicantAward, locale: Locale) {
  return {
    uscc: award.uscc,
    eligible: award.eligible,
    computed: yuanString(award.computed),
    clauses: award.clauses.map((clause) => ({
      clauseId: clause.clauseId,
      eligible: clause.eligibility.pass,
      reasons: renderReasons(clause.eligibility, locale),
      amount: yuanString(clause.amount),
      trace: renderTrace(clause.trace, locale),
    })),
    trace: renderTrace(award.trace, locale),
  };
}
