// Approving a call's award list (审批). Once its publicity period has closed with no objection left open, an
// approver of the call's department approves the list: every entry at its allocated amount, or at an amount
// the approver adjusted with a written reason. An approver may not approve a list with an application they
// took a review decision on. The console operator (`huiqi call approve`) approves as the bureau's batch step. Entries with an amount become `approved`; the others end without an award.
//
// The approved amounts of a program's applications never exceed its budget: the approval takes the call's row
// lock (two approvals of one list take turns; the second finds it approved) and then the program's (approvals
// of its different calls take turns), and checks the program's approved total under that lock.
import { type Fen, fen, parseYuan, yuanString } from '../../core/money/money';
import {
  approvedTotalOfProgram,
  insertApprovals,
  lockProgram,
  reviewedBy,
} from '../../db/repos/approvals.repo';
import {
  latestCalculation,
  lockApplicationsWithEnterprises,
  lockCallForCalculation,
} from '../../db/repos/awards.repo';
import { openObjectionCount } from '../../db/repos/objections.repo';
import { latestListOfCall } from '../../db/repos/publicity.repo';
import type { ApproveAwardsBody } from '../../shared/awards';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext } from '../use-case';
import { actorIdOf, moveApplication } from './call-step';
import { assertCallReachable } from './read-awards';

interface Decision {
  applicationId: string;
  allocated: Fen;
  approved: Fen;
  reason: string | null;
}

export async function approveAwards(
  ctx: UseCaseContext,
  input: { callId: string; body: ApproveAwardsBody },
): Promise<void> {
  const approverId = actorIdOf(ctx.actor);
  const now = ctx.clock();
  const adjustments = adjustmentsOf(input.body);
  await assertCallReachable(ctx, input.callId);
  await transact(ctx, async (tx) => {
    const call = await lockCallForCalculation(tx, input.callId);
    if (!call) throw new AppError('CALL_NOT_FOUND', 'not_found');
    const list = await latestListOfCall(tx, input.callId);
    if (!list) throw new AppError('NOT_PUBLICIZED', 'conflict');
    if (now < list.closesAt) {
      throw new AppError('PUBLICITY_NOT_CLOSED', 'conflict', { closesAt: list.closesAt.toISOString() });
    }
    const open = await openObjectionCount(tx, input.callId);
    if (open > 0) throw new AppError('OBJECTIONS_OPEN', 'conflict', { count: open });
    const latest = await latestCalculation(tx, input.callId);
    if (latest?.calculation.id !== list.calculationId) throw new AppError('NOT_PUBLICIZED', 'conflict');
    const waiting = await lockApplicationsWithEnterprises(tx, input.callId, ['in_publicity']);
    if (waiting.length === 0) throw new AppError('LIST_ALREADY_APPROVED', 'conflict');

    const awardOf = new Map(latest.awards.map((a) => [a.award.applicationId, a.award]));
    for (const id of adjustments.keys()) {
      if (!waiting.some((w) => w.application.id === id)) throw invalid('items', 'ADJUSTMENT_NOT_ON_LIST');
    }
    const ids = waiting.map((w) => w.application.id);
    const reviewed = approverId === null ? [] : await reviewedBy(tx, approverId, ids);
    if (reviewed.length > 0) {
      const names = waiting.filter((w) => reviewed.includes(w.application.id)).map((w) => w.enterprise.name);
      throw new AppError('APPROVER_REVIEWED', 'conflict', { enterprises: names.join('、') });
    }
    const decisions: Decision[] = waiting.map(({ application }) => {
      const allocated = fen(awardOf.get(application.id)?.allocatedFen ?? 0n);
      const adjusted = adjustments.get(application.id);
      return {
        applicationId: application.id,
        allocated,
        approved: adjusted?.amount ?? allocated,
        reason: adjusted?.reason ?? null,
      };
    });

    const program = await lockProgram(tx, call.program.id);
    if (!program) throw new AppError('CALL_NOT_FOUND', 'not_found');
    const approvedBefore = await approvedTotalOfProgram(tx, program.id);
    const requested = decisions.reduce((sum, d) => sum + d.approved, 0n);
    if (approvedBefore + requested > program.budgetFen) {
      throw new AppError('BUDGET_EXCEEDED', 'conflict', {
        budget: yuanString(fen(program.budgetFen)),
        approved: yuanString(fen(approvedBefore)),
        requested: yuanString(fen(requested)),
      });
    }
    const winners = decisions.filter((d) => d.approved > 0n);
    await insertApprovals(
      tx,
      winners.map((d) => ({
        applicationId: d.applicationId,
        programId: program.id,
        listId: list.id,
        allocatedFen: d.allocated,
        approvedFen: d.approved,
        adjustmentReason: d.reason,
        approvedBy: approverId,
        approvedAt: now,
      })),
    );
    for (const { application } of waiting) {
      const decision = decisions.find((d) => d.applicationId === application.id);
      if (!decision) continue;
      const action = decision.approved > 0n ? 'approve' : 'not_awarded';
      await moveApplication(tx, ctx, application, action, now, decision.reason ?? undefined);
      if (action === 'approve') {
        await audit(tx, ctx, now, {
          action: 'application.award_approved',
          entityId: application.id,
          after: {
            allocated: yuanString(decision.allocated),
            approved: yuanString(decision.approved),
            ...(decision.reason === null ? {} : { reason: decision.reason }),
          },
        });
      }
    }
    await audit(tx, ctx, now, {
      action: 'call.awards_approved',
      entityId: input.callId,
      after: {
        listId: list.id,
        approved: winners.length,
        total: yuanString(fen(requested)),
        adjusted: decisions.filter((d) => d.reason !== null).length,
        programApprovedTotal: yuanString(fen(approvedBefore + requested)),
      },
    });
  });
}

/** The approver's adjustments by application: each with an amount and a reason, none twice. */
function adjustmentsOf(body: ApproveAwardsBody): Map<string, { amount: Fen; reason: string }> {
  const adjustments = new Map<string, { amount: Fen; reason: string }>();
  for (const item of body.items ?? []) {
    if (adjustments.has(item.applicationId)) throw invalid('items', 'ADJUSTMENT_DUPLICATE');
    if (item.amount === undefined) continue;
    const reason = item.reason?.trim();
    if (!reason) throw invalid('items', 'ADJUSTMENT_REASON_REQUIRED');
    adjustments.set(item.applicationId, { amount: parseYuan(item.amount), reason });
  }
  return adjustments;
}

function invalid(path: string, code: string): AppError {
  return new AppError(code, 'validation', {}, [{ path, code }]);
}
