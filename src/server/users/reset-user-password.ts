// Resetting a user's password (重置密码), by an administrator, for a user who lost theirs: the administrator
// types a new one or lets the system make one, which is answered once and never stored in clear. Either way
// the password is temporary: the user's sessions end, and at the next sign-in they reach only the
// change-password page until they choose their own. The account's sign-in delays are lifted with it, from
// every address, or the user handed the new password would still wait out the delays their own tries (or a
// guesser's) started. An administrator resets others, never itself.
import { randomInt } from 'node:crypto';
import { deleteAccountThrottles } from '../../db/repos/auth-throttles.repo';
import { deleteUserSessions } from '../../db/repos/sessions.repo';
import { findUserById, setPassword } from '../../db/repos/users.repo';
import { AppError } from '../../shared/errors';
import { type PasswordHasher, passwordProblem } from '../auth/password';
import { audit, transact, type UseCaseContext } from '../use-case';
import { refuseOwnAccount } from './refuse-own-account';

// No 0/O, 1/l/I: read off a screen and typed by someone else.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 random characters in groups of four (about 93 bits), e.g. `h7Kq-3mZx-…`. */
export function temporaryPassword(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export async function resetUserPassword(
  ctx: UseCaseContext & { hasher: PasswordHasher },
  input: { userId: string; password?: string },
): Promise<{ temporaryPassword: string | null }> {
  const { userId } = input;
  refuseOwnAccount(ctx, userId, 'CANNOT_RESET_OWN_PASSWORD');
  const user = await findUserById(ctx.db.orm, userId);
  if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
  const generated = input.password === undefined ? temporaryPassword() : null;
  const password = input.password ?? generated ?? '';
  const problem = passwordProblem(password, user.username);
  if (problem) throw new AppError(problem, 'validation', {}, [{ path: 'password', code: problem }]);
  const passwordHash = await ctx.hasher.hash(password);
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const current = await findUserById(tx, userId);
    if (!current) throw new AppError('USER_NOT_FOUND', 'not_found');
    await setPassword(tx, userId, { passwordHash, mustChange: true }, now);
    await deleteUserSessions(tx, userId);
    await deleteAccountThrottles(tx, current.username);
    await audit(tx, ctx, now, {
      action: 'user.password_reset',
      entityId: userId,
      after: { mustChangePassword: true },
    });
  });
  return { temporaryPassword: generated };
}
