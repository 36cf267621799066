// Taking a transition of the workflow table (src/shared/application-workflow.ts) on one application: the role
// and the present status must allow it, submitting must fall inside the call's window, and a rejection or a
// return for correction says why, in words the applicant reads. The row is locked for the transaction, so two
// clicks or two tabs take turns: the second of two identical actions finds its work done and answers the
// application as it is, without a second status change.
import {
  type ApplicationRow,
  changeStatus,
  findCallForApplying,
  statusChanges,
} from '../../db/repos/applications.repo';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  transition,
} from '../../shared/application-workflow';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext, userOf } from '../use-case';
import { lockReachable } from './application-access';
import { checklistOf, describeMissing } from './material-checklist';

/** Actions the applicant must be told the reason for. */
const REASONED: readonly ApplicationAction[] = ['return', 'reject', 'uphold_objection'];

/** Beijing time, as the call's window is published: 2026-11-02 09:00. */
function beijing(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function changeApplicationStatus(
  ctx: UseCaseContext,
  input: { id: string; action: ApplicationAction; reason?: string },
): Promise<ApplicationRow> {
  const user = userOf(ctx);
  const now = ctx.clock();
  const reason = input.reason?.trim() || undefined;
  if (REASONED.includes(input.action) && reason === undefined) {
    throw new AppError('REASON_REQUIRED', 'validation', {}, [{ path: 'reason', code: 'REASON_REQUIRED' }]);
  }
  return transact(ctx, async (tx) => {
    const application = await lockReachable(tx, ctx.actor, input.id);
    const result = transition(application.status, input.action, user.role);
    if (!result.ok) {
      const [last] = (await statusChanges(tx, application.id)).slice(-1);
      const done = application.status === APPLICATION_TRANSITIONS[input.action].to;
      if (done && last?.action === input.action && last.actorId === user.id) return application;
      throw new AppError('APPLICATION_ACTION_REFUSED', 'conflict');
    }
    if (input.action === 'submit' || input.action === 'resubmit') {
      const call = await findCallForApplying(tx, application.callId);
      if (!call) throw new AppError('CALL_NOT_FOUND', 'not_found');
      if (
        input.action === 'submit' &&
        (call.status !== 'open' || now < call.opensAt || now >= call.closesAt)
      ) {
        const window = { opensAt: beijing(call.opensAt), closesAt: beijing(call.closesAt) };
        throw new AppError('CALL_WINDOW_CLOSED', 'conflict', window);
      }
      const { checklist } = await checklistOf(tx, { ...application, callMaterials: call.materials });
      if (!checklist.complete) {
        throw new AppError('MATERIALS_INCOMPLETE', 'conflict', {
          missing: describeMissing(checklist, ctx.locale),
        });
      }
    }
    const changed = await changeStatus(tx, application, {
      action: input.action,
      to: result.to,
      actorId: user.id,
      at: now,
      ...(reason === undefined ? {} : { reason }),
    });
    await audit(tx, ctx, now, {
      action: 'application.status_changed',
      entityId: application.id,
      before: { status: application.status },
      after: { status: result.to, action: input.action, ...(reason === undefined ? {} : { reason }) },
    });
    return changed;
  });
}
