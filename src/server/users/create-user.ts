// An administrator creates a user (staff, or an applicant of an existing enterprise). Self-registration of
// enterprises is the other way in (register-enterprise.ts).
import { recordAudit } from '../../db/audit';
import { findUserById, insertUser, type UserView, usernameExists } from '../../db/repos/users.repo';
import type { CreateUserBody } from '../../shared/api/admin';
import { AppError } from '../../shared/errors';
import { isPasswordStrong } from '../auth/password';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';
import { enterpriseExists } from './enterprise-lookup';
import { uniqueViolation } from './unique-violation';

export async function createUser(
  deps: ServerDeps,
  actor: AuthContext,
  input: CreateUserBody,
  requestId: string,
): Promise<UserView> {
  if (!isPasswordStrong(input.password)) throw new AppError('PASSWORD_WEAK', 'validation');
  const enterpriseId = input.role === 'applicant' ? (input.enterpriseId ?? null) : null;
  if (input.role === 'applicant' && !enterpriseId) {
    throw new AppError('ENTERPRISE_REQUIRED', 'validation', {}, [
      { path: 'enterpriseId', code: 'ENTERPRISE_REQUIRED' },
    ]);
  }
  const passwordHash = await deps.hasher.hash(input.password);
  const now = deps.clock();
  try {
    const id = await deps.db.orm.transaction(async (tx) => {
      if (await usernameExists(tx, input.username)) throw new AppError('USERNAME_TAKEN', 'conflict');
      if (enterpriseId && !(await enterpriseExists(tx, enterpriseId))) {
        throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
      }
      const userId = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        enterpriseId,
        passwordHash,
        locale: 'zh-CN',
        createdBy: actor.user.id,
        now,
      });
      await recordAudit(tx, {
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
        actorId: actor.user.id,
        actorRole: actor.user.role,
        after: { username: input.username, role: input.role, enterpriseId },
        requestId,
        at: now,
      });
      return userId;
    });
    const user = await findUserById(deps.db.orm, id);
    if (!user) throw new Error('createUser: the new user vanished');
    return user;
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError('USERNAME_TAKEN', 'conflict');
    throw error;
  }
}
