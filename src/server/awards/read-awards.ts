// Reading a call's latest award calculation: staff of the department whose program the call is under (and
// administrators). Anyone else gets 404, as for a call that does not exist.
import { fen, yuanString } from '../../core/money/money';
import { departmentOfCall, latestCalculation } from '../../db/repos/awards.repo';
import { departmentsOf } from '../../db/repos/staff-departments.repo';
import type { AwardCalculation } from '../../shared/awards';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/policies';
import type { UseCaseContext } from '../use-case';

export async function readLatestCalculation(
  ctx: Pick<UseCaseContext, 'db' | 'actor' | 'locale'>,
  callId: string,
): Promise<AwardCalculation> {
  const { actor } = ctx;
  const departmentId = await departmentOfCall(ctx.db.orm, callId);
  const staffDepartmentIds = actor.kind === 'user' ? await departmentsOf(ctx.db.orm, actor.id) : [];
  if (departmentId === undefined || !can(actor, 'award.read', { departmentId, staffDepartmentIds })) {
    throw new AppError('CALL_NOT_FOUND', 'not_found');
  }
  const latest = await latestCalculation(ctx.db.orm, callId);
  if (!latest) throw new AppError('AWARDS_NOT_CALCULATED', 'not_found');
  const { calculation } = latest;
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
    awards: latest.awards.map(({ award, clause, enterpriseName, uscc }) => ({
      applicationId: award.applicationId,
      enterpriseName,
      uscc,
      clause,
      eligible: award.eligible,
      computed: yuan(award.computedFen),
      allocated: yuan(award.allocatedFen),
      explanation: award.explanation[ctx.locale],
    })),
  };
}
