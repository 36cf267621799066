// Reading a call's latest award calculation: staff of the department whose program the call is under (and
// administrators). Anyone else gets 404, as for a call that does not exist. Beside the awards: each
// application's status and approved amount, the list published from the calculation and the objections open.
import { fen, yuanString } from '../../core/money/money';
import { approvalsOf } from '../../db/repos/approvals.repo';
import { departmentOfCall, latestCalculation } from '../../db/repos/awards.repo';
import { openObjectionCount } from '../../db/repos/objections.repo';
import { latestListOfCall } from '../../db/repos/publicity.repo';
import { departmentsOf } from '../../db/repos/staff-departments.repo';
import type { AwardCalculation } from '../../shared/awards';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/policies';
import type { UseCaseContext } from '../use-case';

type ReadContext = Pick<UseCaseContext, 'db' | 'actor' | 'locale' | 'clock'>;

/** Refuses, as not found, a call outside the actor's departments. */
export async function assertCallReachable(ctx: Pick<UseCaseContext, 'db' | 'actor'>, callId: string) {
  const { actor } = ctx;
  const departmentId = await departmentOfCall(ctx.db.orm, callId);
  const staffDepartmentIds = actor.kind === 'user' ? await departmentsOf(ctx.db.orm, actor.id) : [];
  if (departmentId === undefined || !can(actor, 'award.read', { departmentId, staffDepartmentIds })) {
    throw new AppError('CALL_NOT_FOUND', 'not_found');
  }
}

export async function readLatestCalculation(ctx: ReadContext, callId: string): Promise<AwardCalculation> {
  await assertCallReachable(ctx, callId);
  const latest = await latestCalculation(ctx.db.orm, callId);
  if (!latest) throw new AppError('AWARDS_NOT_CALCULATED', 'not_found');
  const { calculation } = latest;
  const approvals = new Map(
    (
      await approvalsOf(
        ctx.db.orm,
        latest.awards.map((a) => a.award.applicationId),
      )
    ).map((a) => [a.applicationId, a]),
  );
  const list = await latestListOfCall(ctx.db.orm, callId);
  const published = list?.calculationId === calculation.id ? list : undefined;
  const yuan = (minor: bigint) => yuanString(fen(minor));
  return {
    id: calculation.id,
    callId: calculation.callId,
    seq: calculation.seq,
    ruleVersion: latest.ruleVersion,
    budget: yuan(calculation.budgetFen),
    computedTotal: yuan(calculation.computedTotalFen),
    allocatedTotal: yuan(calculation.allocatedTotalFen),
    reduced: calculation.allocatedTotalFen < calculation.computedTotalFen,
    calculatedAt: calculation.calculatedAt.toISOString(),
    awards: latest.awards.map(({ award, status, clause, enterpriseName, uscc }) => {
      const approval = approvals.get(award.applicationId);
      return {
        applicationId: award.applicationId,
        enterpriseName,
        uscc,
        clause,
        eligible: award.eligible,
        computed: yuan(award.computedFen),
        allocated: yuan(award.allocatedFen),
        explanation: award.explanation[ctx.locale],
        status,
        approved: approval ? yuan(approval.approvedFen) : null,
        approvalReason: approval?.adjustmentReason ?? null,
      };
    }),
    publicity: published
      ? {
          listId: published.id,
          seq: published.seq,
          startsOn: published.startsOn,
          endsOn: published.endsOn,
          closesAt: published.closesAt.toISOString(),
          open: ctx.clock() < published.closesAt && published.supersededAt === null,
        }
      : null,
    openObjections: await openObjectionCount(ctx.db.orm, callId),
  };
}
