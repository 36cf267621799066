// Starting an application (申报): an applicant user opens a draft for its own enterprise under one clause of a
// call that is open. One live application per enterprise, call and clause: a second start, or two at once,
// answers APPLICATION_EXISTS and leaves the first as it was.
import {
  ApplicationExists,
  type ApplicationRow,
  findCallForApplying,
  insertApplication,
} from '../../db/repos/applications.repo';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext, userOf } from '../use-case';

export async function startApplication(
  ctx: UseCaseContext,
  input: { callId: string; clause: string },
): Promise<ApplicationRow> {
  const user = userOf(ctx);
  const enterpriseId = user.enterpriseId;
  if (user.role !== 'applicant' || enterpriseId === null) throw new AppError('FORBIDDEN', 'forbidden');
  const call = await findCallForApplying(ctx.db.orm, input.callId);
  if (!call || call.status === 'draft') throw new AppError('CALL_NOT_FOUND', 'not_found');
  if (call.status !== 'open') throw new AppError('CALL_NOT_OPEN', 'conflict');
  if (!call.clauses.some((clause) => clause.id === input.clause)) {
    throw new AppError('CLAUSE_NOT_IN_CALL', 'validation', {}, [
      { path: 'clause', code: 'CLAUSE_NOT_IN_CALL' },
    ]);
  }
  const now = ctx.clock();
  try {
    return await transact(ctx, async (tx) => {
      const created = await insertApplication(tx, {
        callId: call.id,
        enterpriseId,
        clause: input.clause,
        createdBy: user.id,
        createdAt: now,
      });
      await audit(tx, ctx, now, {
        action: 'application.created',
        entityId: created.id,
        after: { callId: call.id, enterpriseId, clause: input.clause },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof ApplicationExists) throw new AppError('APPLICATION_EXISTS', 'conflict');
    throw error;
  }
}
