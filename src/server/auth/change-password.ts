// Changing one's own password (修改密码), by any signed-in user: the current password proves the person at the
// keyboard is the account's owner, not someone who found a session open; guesses at it are throttled like
// sign-in. The new password follows the registration rules. Every session of the user ends and the caller
// gets a new one, so a session opened with the old password (or a stolen cookie) does not outlive it; a
// password an administrator reset stops being temporary here.
import { deleteUserSessions } from '../../db/repos/sessions.repo';
import { findPasswordHashForUpdate, setPassword } from '../../db/repos/users.repo';
import type { ChangePasswordBody } from '../../shared/api/session';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';
import { audit, transact, type UseCaseContext } from '../use-case';
import { guardAttempt, recordFailure, recordSuccess } from './attempt-guard';
import { passwordProblem } from './password';
import { createSession, type NewSession } from './sessions';

type ChangePasswordContext = UseCaseContext & { auth: AuthContext } & Pick<ServerDeps, 'hasher' | 'config'>;

export interface ChangePasswordInput extends ChangePasswordBody {
  /** The source address of the request, for throttling guesses at the current password. */
  address: string;
  userAgent: string | undefined;
}

type Outcome = { ok: true; session: NewSession } | { ok: false; error: AppError };

export async function changePassword(
  ctx: ChangePasswordContext,
  input: ChangePasswordInput,
): Promise<{ session: NewSession }> {
  const { user } = ctx.auth;
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError(problem, 'validation', {}, [{ path: 'newPassword', code: problem }]);
  if (input.newPassword === input.currentPassword)
    throw new AppError('PASSWORD_UNCHANGED', 'validation', {}, [
      { path: 'newPassword', code: 'PASSWORD_UNCHANGED' },
    ]);
  // Argon2 is slow on purpose: hash before the transaction so it stays short.
  const newHash = await ctx.hasher.hash(input.newPassword);
  const now = ctx.clock();
  const outcome = await transact(ctx, async (tx): Promise<Outcome> => {
    const guard = await guardAttempt(tx, { account: user.username, address: input.address }, now);
    const currentHash = await findPasswordHashForUpdate(tx, user.id);
    if (!currentHash || !(await ctx.hasher.verify(currentHash, input.currentPassword))) {
      // The failure is counted and committed before the refusal is answered.
      await recordFailure(tx, guard, now);
      const error = new AppError('PASSWORD_CURRENT_WRONG', 'validation', {}, [
        { path: 'currentPassword', code: 'PASSWORD_CURRENT_WRONG' },
      ]);
      return { ok: false, error };
    }
    await recordSuccess(tx, guard);
    await setPassword(tx, user.id, { passwordHash: newHash, mustChange: false }, now);
    await deleteUserSessions(tx, user.id);
    const session = await createSession(tx, user.id, {
      now,
      ttlHours: ctx.config.sessionTtlHours,
      absoluteHours: ctx.config.sessionAbsoluteHours,
      userAgent: input.userAgent,
    });
    await audit(tx, ctx, now, { action: 'user.password_changed', entityId: user.id });
    return { ok: true, session };
  });
  if (!outcome.ok) throw outcome.error;
  return { session: outcome.session };
}
