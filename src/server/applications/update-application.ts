// Editing an application's declared figures: only while it is the applicant's to change (a draft, or returned
// for correction), and only over the version the form was filled from, so two tabs never overwrite each other.
import { type ApplicationRow, updateDeclared } from '../../db/repos/applications.repo';
import { EDITABLE_APPLICATION_STATUSES } from '../../shared/application-workflow';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext } from '../use-case';
import { lockReachable } from './application-access';

export async function updateApplication(
  ctx: UseCaseContext,
  input: { id: string; declared: Record<string, string>; version: number },
): Promise<ApplicationRow> {
  const now = ctx.clock();
  return transact(ctx, async (tx) => {
    const application = await lockReachable(tx, ctx.actor, input.id);
    if (!EDITABLE_APPLICATION_STATUSES.includes(application.status))
      throw new AppError('APPLICATION_NOT_EDITABLE', 'conflict');
    if (application.version !== input.version) throw new AppError('APPLICATION_STALE', 'conflict');
    const updated = await updateDeclared(tx, application.id, input.declared, now);
    await audit(tx, ctx, now, {
      action: 'application.declared_updated',
      entityId: application.id,
      before: application.declared,
      after: input.declared,
    });
    return updated;
  });
}
