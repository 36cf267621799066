// Disabling a user (their sessions end at once), enabling them again, and lifting a sign-in lock, by an
// administrator, on accounts other than its own.
import { deleteUserSessions } from '../../db/repos/sessions.repo';
import { clearLock, findUserById, setDisabled } from '../../db/repos/users.repo';
import { AppError } from '../../shared/errors';
import { audit, transact, type UseCaseContext } from '../use-case';
import { refuseOwnAccount } from './refuse-own-account';

export async function disableUser(ctx: UseCaseContext, input: { userId: string }): Promise<void> {
  const { userId } = input;
  refuseOwnAccount(ctx, userId, 'CANNOT_DISABLE_SELF');
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    if (user.disabledAt) return;
    await setDisabled(tx, userId, now, now);
    await deleteUserSessions(tx, userId);
    await audit(tx, ctx, now, { action: 'user.disabled', entityId: userId });
  });
}

/** Lets a disabled user sign in again (with the password they had; a reset is a separate action). */
export async function enableUser(ctx: UseCaseContext, input: { userId: string }): Promise<void> {
  const { userId } = input;
  refuseOwnAccount(ctx, userId, 'CANNOT_MANAGE_SELF');
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    if (!user.disabledAt) return;
    await setDisabled(tx, userId, null, now);
    await audit(tx, ctx, now, { action: 'user.enabled', entityId: userId });
  });
}

export async function unlockUser(ctx: UseCaseContext, input: { userId: string }): Promise<void> {
  const { userId } = input;
  refuseOwnAccount(ctx, userId, 'CANNOT_MANAGE_SELF');
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    await clearLock(tx, userId, now);
    await audit(tx, ctx, now, {
      action: 'user.unlocked',
      entityId: userId,
      before: { lockedUntil: user.lockedUntil?.toISOString() ?? null },
    });
  });
}
