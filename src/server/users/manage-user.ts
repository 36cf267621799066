// Disabling a user (their sessions end at once) and lifting a sign-in lock, by an administrator.
import { recordAudit } from '../../db/audit';
import { deleteUserSessions } from '../../db/repos/sessions.repo';
import { clearLock, findUserById, setDisabled } from '../../db/repos/users.repo';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';

export async function disableUser(deps: ServerDeps, actor: AuthContext, userId: string, requestId: string) {
  if (userId === actor.user.id) throw new AppError('CANNOT_DISABLE_SELF', 'conflict');
  const now = deps.clock();
  await deps.db.orm.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    if (user.disabledAt) return;
    await setDisabled(tx, userId, now);
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, {
      action: 'user.disabled',
      entityType: 'user',
      entityId: userId,
      actorId: actor.user.id,
      actorRole: actor.user.role,
      requestId,
      at: now,
    });
  });
}

export async function unlockUser(deps: ServerDeps, actor: AuthContext, userId: string, requestId: string) {
  const now = deps.clock();
  await deps.db.orm.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    await clearLock(tx, userId, now);
    await recordAudit(tx, {
      action: 'user.unlocked',
      entityType: 'user',
      entityId: userId,
      actorId: actor.user.id,
      actorRole: actor.user.role,
      before: { lockedUntil: user.lockedUntil },
      requestId,
      at: now,
    });
  });
}
