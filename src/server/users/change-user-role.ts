// Changing a user's role (变更角色), by an administrator, never its own (it would lock itself out, or lift
// itself into a role it was not given). Only among staff roles: an enterprise user acts for its enterprise,
// and a staff account is not turned into one (or back) — that is a new account. The new role takes effect on
// the user's next request (sessions read the user each time); one that requires TOTP sends them to enrol.
import { findUserById, setRole } from '../../db/repos/users.repo';
import { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { audit, transact, type UseCaseContext } from '../use-case';
import { refuseOwnAccount } from './refuse-own-account';

export async function changeUserRole(
  ctx: UseCaseContext,
  input: { userId: string; role: Role },
): Promise<void> {
  const { userId, role } = input;
  refuseOwnAccount(ctx, userId, 'CANNOT_CHANGE_OWN_ROLE');
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    if (user.role === role) return;
    if (user.role === 'applicant' || role === 'applicant')
      throw new AppError('ROLE_CHANGE_APPLICANT', 'conflict');
    await setRole(tx, userId, role, now);
    await audit(tx, ctx, now, {
      action: 'user.role_changed',
      entityId: userId,
      before: { role: user.role },
      after: { role },
    });
  });
}
