// Taking a transition of the workflow table (src/shared/application-workflow.ts) on one application: the role
// and the present status must allow it, submitting must fall inside the call's window, and a rejection or a
// return for correction says why, in words the applicant reads. The row is locked for the transaction, so two
// clicks or two tabs take turns: the second of two identical actions finds its work done and answers the
// application as it is, without a second status change.

import type { Tx } from '../../db/client';
import {
  type ApplicationRow,
  changeStatus,
  findCallForApplying,
  statusChanges,
} from '../../db/repos/applications.repo';
import {
  closeCorrectionRequest,
  insertCorrectionRequest,
  openCorrectionRequest,
} from '../../db/repos/corrections.repo';
import { type CorrectionItem, DEFAULT_CORRECTION_WORKDAYS } from '../../shared/api/applications';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationAction,
  transition,
} from '../../shared/application-workflow';
import { AppError } from '../../shared/errors';
import { beijingDate, beijingMinute, endOfBeijingDay } from '../awards/publicize-awards';
import { loadWorkdayCalendar } from '../calendar/workday-calendar';
import { audit, transact, type UseCaseContext, userOf } from '../use-case';
import { lockReachable } from './application-access';
import { checklistOf, describeMissing } from './material-checklist';

/** Actions the applicant must be told the reason for. */
const REASONED: readonly ApplicationAction[] = ['return', 'reject', 'uphold_objection'];

export async function changeApplicationStatus(
  ctx: UseCaseContext,
  input: {
    id: string;
    action: ApplicationAction;
    reason?: string;
    /** For a return: what to correct, item by item, and the working days allowed. */
    items?: readonly CorrectionItem[];
    workdays?: number;
  },
): Promise<ApplicationRow> {
  const user = userOf(ctx);
  const now = ctx.clock();
  const reason = input.reason?.trim() || undefined;
  if (REASONED.includes(input.action) && reason === undefined) {
    throw new AppError('REASON_REQUIRED', 'validation', {}, [{ path: 'reason', code: 'REASON_REQUIRED' }]);
  }
  if ((input.items !== undefined || input.workdays !== undefined) && input.action !== 'return') {
    throw new AppError('CORRECTION_ONLY_ON_RETURN', 'validation', {}, [
      { path: 'items', code: 'CORRECTION_ONLY_ON_RETURN' },
    ]);
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
    const open = input.action === 'resubmit' ? await openCorrectionRequest(tx, application.id) : undefined;
    if (open && now >= open.dueAt) {
      throw new AppError('CORRECTION_DEADLINE_PASSED', 'conflict', { dueOn: open.dueOn });
    }
    if (input.action === 'submit' || input.action === 'resubmit') {
      const call = await findCallForApplying(tx, application.callId);
      if (!call) throw new AppError('CALL_NOT_FOUND', 'not_found');
      if (
        input.action === 'submit' &&
        (call.status !== 'open' || now < call.opensAt || now >= call.closesAt)
      ) {
        const window = { opensAt: beijingMinute(call.opensAt), closesAt: beijingMinute(call.closesAt) };
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
    if (open) await closeCorrectionRequest(tx, open.id, { answeredAt: now });
    if (input.action === 'return') {
      await requestCorrection(tx, ctx, application.id, {
        items: input.items ?? [],
        workdays: input.workdays ?? DEFAULT_CORRECTION_WORKDAYS,
        now,
      });
    }
    return changed;
  });
}

/**
 * The correction request of a return: its items and its deadline — so many working days on the official
 * calendar after today (Beijing), to the end of that day — with its audit event.
 */
async function requestCorrection(
  tx: Tx,
  ctx: UseCaseContext,
  applicationId: string,
  input: { items: readonly CorrectionItem[]; workdays: number; now: Date },
): Promise<void> {
  const calendar = await loadWorkdayCalendar(tx);
  const dueOn = calendar.addWorkdays(beijingDate(input.now), input.workdays);
  const request = await insertCorrectionRequest(tx, {
    applicationId,
    items: input.items.map((item) => ({ subject: item.subject, reason: item.reason.trim() })),
    workdays: input.workdays,
    dueOn,
    dueAt: endOfBeijingDay(dueOn),
    requestedBy: userOf(ctx).id,
    requestedAt: input.now,
  });
  await audit(tx, ctx, input.now, {
    action: 'application.correction_requested',
    entityId: applicationId,
    after: { requestId: request.id, items: request.items, workdays: request.workdays, dueOn },
  });
}
