// Calculating a call's awards (核定奖励测算): once its window has closed and no application waits for review,
// the rules engine computes each application's award under the program's current rule version — the clause it
// applied under, with the per-enterprise cap across an enterprise's applications — and the budget is allocated
// exactly (the allocation method of the program). The run, every award with its explanation in both
// languages, each application's move to `calculated` and their audit events are one transaction; the call's row
// lock makes a second calculation at the same moment wait and then find nothing left to calculate.
import { type Fen, fen, minFen, yuanString } from '../../core/money/money';
import { allocate } from '../../core/rules/allocate';
import { type ApplicantAward, computeAward, presentAward } from '../../core/rules/award';
import { type CompiledProgram, compileProgram } from '../../core/rules/compile';
import { showCny } from '../../core/rules/format';
import type { Tx } from '../../db/client';
import { approvedTotalOfProgram } from '../../db/repos/approvals.repo';
import {
  type AwardCalculationRow,
  type CallForCalculation,
  insertCalculation,
  lockApplicationsWithEnterprises,
  lockCallForCalculation,
  statsOf,
  statusCounts,
} from '../../db/repos/awards.repo';
import { awardLimits } from '../../db/repos/objections.repo';
import type { ApplicationStatus } from '../../shared/application-workflow';
import type { AwardExplanation } from '../../shared/awards';
import { AppError } from '../../shared/errors';
import { type Locale, t } from '../../shared/i18n';
import { parseProgramFile } from '../../shared/program-file';
import { audit, transact, type UseCaseContext } from '../use-case';
import { applicantFacts } from './applicant-facts';
import { actorIdOf, moveApplication } from './call-step';

/** Applications whose review is not done: a calculation now would leave them out. */
const UNDECIDED: readonly ApplicationStatus[] = ['submitted', 'returned', 'in_expert_review'];
const READY: readonly ApplicationStatus[] = ['intake_passed', 'reviewed'];

type Ready = Awaited<ReturnType<typeof lockApplicationsWithEnterprises>>[number];

interface Computed {
  entry: Ready;
  award: ApplicantAward;
  computed: Fen;
  /** An upheld objection's reduction (核减) that lowered the amount: the limit. */
  limitedTo?: Fen;
}

export async function calculateAwards(
  ctx: UseCaseContext,
  input: { callId: string },
): Promise<{ calculationId: string }> {
  const now = ctx.clock();
  return transact(ctx, async (tx) => {
    const row = await lockCallForCalculation(tx, input.callId);
    if (!row || row.call.status === 'draft') throw new AppError('CALL_NOT_FOUND', 'not_found');
    if (now < row.call.closesAt) throw new AppError('CALL_STILL_OPEN', 'conflict');
    const counts = await statusCounts(tx, input.callId);
    const undecided = UNDECIDED.reduce((n, status) => n + (counts[status] ?? 0), 0);
    if (undecided > 0) throw new AppError('REVIEW_NOT_DONE', 'conflict', { count: undecided });
    const ready = await lockApplicationsWithEnterprises(tx, input.callId, READY);
    if (ready.length === 0) throw new AppError('NOTHING_TO_CALCULATE', 'conflict');

    const calculation = await runCalculation(tx, ctx, row, ready, now);
    for (const entry of ready) await moveApplication(tx, ctx, entry.application, 'calculate', now);
    return { calculationId: calculation.id };
  });
}

/**
 * One calculation run over `entries`: each award with its explanation, the allocation of what is left of the
 * program's budget — the budget less what its other calls have had approved — and the run's audit event. The
 * entries' statuses are the caller's to move.
 */
export async function runCalculation(
  tx: Tx,
  ctx: UseCaseContext,
  row: CallForCalculation,
  entries: readonly Ready[],
  now: Date,
): Promise<AwardCalculationRow> {
  if (!row.definition || !row.ruleVersionId || row.ruleVersion === null) {
    throw new AppError('PROGRAM_HAS_NO_RULES', 'conflict');
  }
  const parsed = parseProgramFile(row.definition, ctx.locale);
  if (!parsed.ok) throw new Error(`rule version ${row.ruleVersionId} no longer parses`);
  const program = compileProgram(parsed.program);
  const limits = await awardLimits(
    tx,
    entries.map((e) => e.application.id),
  );
  const computed = (await computeAll(tx, program, entries)).map((c) => {
    const limit = limits.get(c.entry.application.id);
    if (limit === undefined || c.computed <= limit) return c;
    return { ...c, computed: fen(limit), limitedTo: fen(limit) };
  });
  const approved = await approvedTotalOfProgram(tx, row.program.id);
  const budget = fen(row.program.budgetFen > approved ? row.program.budgetFen - approved : 0n);
  const allocation = allocate(
    computed.map((c) => ({ id: c.entry.application.id, computed: c.computed })),
    budget,
    program.allocation,
  );
  const computedTotal = fen(computed.reduce((sum, c) => sum + c.computed, 0n));
  const calculation = await insertCalculation(
    tx,
    {
      callId: row.call.id,
      ruleVersionId: row.ruleVersionId,
      budgetFen: budget,
      computedTotalFen: computedTotal,
      allocatedTotalFen: allocation.total,
      calculatedBy: actorIdOf(ctx.actor),
      calculatedAt: now,
    },
    computed.map((c, i) => ({
      applicationId: c.entry.application.id,
      eligible: c.award.eligible,
      computedFen: c.computed,
      allocatedFen: allocation.allocated[i] ?? fen(0n),
      explanation: explain(c),
    })),
  );
  await audit(tx, ctx, now, {
    action: 'call.awards_calculated',
    entityId: row.call.id,
    after: {
      calculationId: calculation.id,
      seq: calculation.seq,
      ruleVersion: row.ruleVersion,
      budget: yuanString(budget),
      computedTotal: yuanString(computedTotal),
      allocatedTotal: yuanString(allocation.total),
      applications: computed.length,
    },
  });
  return calculation;
}

/**
 * Each application's award under its own clause; an enterprise with several applications shares the program's
 * per-enterprise cap among them in the program's clause order.
 */
async function computeAll(tx: Tx, program: CompiledProgram, ready: readonly Ready[]): Promise<Computed[]> {
  const stats = await statsOf(tx, [...new Set(ready.map((r) => r.enterprise.id))]);
  const order = new Map(program.clauses.map((clause, i) => [clause.id, i]));
  const sorted = [...ready].sort(
    (a, b) =>
      a.enterprise.id.localeCompare(b.enterprise.id) ||
      (order.get(a.application.clause) ?? 0) - (order.get(b.application.clause) ?? 0),
  );
  const capLeft = new Map<string, Fen>();
  return sorted.map((entry) => {
    const { application, enterprise } = entry;
    const clauses = program.clauses.filter((clause) => clause.id === application.clause);
    const facts = applicantFacts(
      enterprise,
      stats.filter((s) => s.enterpriseId === enterprise.id),
      application.declared,
      program.year,
    );
    const award = computeAward({ ...program, clauses }, facts);
    const cap = program.perEnterpriseCap;
    if (cap === null) return { entry, award, computed: award.computed };
    const left = capLeft.get(enterprise.id) ?? cap;
    const capped = minFen(award.computed, left);
    capLeft.set(enterprise.id, fen(left - capped));
    return { entry, award, computed: capped };
  });
}

function explain({ award, computed, limitedTo }: Computed): AwardExplanation {
  const present = (locale: Locale) => {
    const { uscc: _uscc, ...shown } = presentAward(award, locale);
    if (limitedTo === undefined) return shown;
    const line = t(locale, 'rules.trace.objectionLimit', {
      amount: showCny(limitedTo, locale),
      after: showCny(computed, locale),
    });
    return { ...shown, computed: yuanString(computed), trace: [...shown.trace, line] };
  };
  return { 'zh-CN': present('zh-CN'), 'en-US': present('en-US') };
}
