// One application's step in a call-wide operation (calculation, publicity): the transition of the workflow
// table, its status change and its audit event, in the operation's transaction.
import type { Tx } from '../../db/client';
import { type ApplicationRow, changeStatus } from '../../db/repos/applications.repo';
import type { Actor } from '../../shared/actor';
import { type ApplicationAction, transition } from '../../shared/application-workflow';
import { AppError } from '../../shared/errors';
import { audit, type UseCaseContext } from '../use-case';

export const actorIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

export async function moveApplication(
  tx: Tx,
  ctx: UseCaseContext,
  application: ApplicationRow,
  action: ApplicationAction,
  now: Date,
  reason?: string,
): Promise<void> {
  // The console operator may take every action (src/shared/policies.ts); users by the table's roles.
  const role = ctx.actor.kind === 'user' ? ctx.actor.role : 'admin';
  const result = transition(application.status, action, role);
  if (!result.ok) throw new AppError('APPLICATION_ACTION_REFUSED', 'conflict');
  const said = reason === undefined ? {} : { reason };
  await changeStatus(tx, application, {
    action,
    to: result.to,
    actorId: actorIdOf(ctx.actor),
    at: now,
    ...said,
  });
  await audit(tx, ctx, now, {
    action: 'application.status_changed',
    entityId: application.id,
    before: { status: application.status },
    after: { status: result.to, action, ...said },
  });
}
