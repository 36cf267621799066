// Creating a user (新建用户): staff, or an applicant of an existing enterprise. Administrators call it through
// the API, the operator through `huiqi user create` (the way in for the first administrator of an install);
// both pass the same checks and write the same audit event. The password an administrator types is known to
// the administrator, so it is temporary, as after a reset: the user must choose their own at the first
// sign-in. The operator at the console sets a password for the first administrator, who is usually the
// operator; that one stands. Self-registration of enterprises is the other way in (register-enterprise.ts).
// A staff user may be given its departments at once (recorded as their first change); an applicant never.
import { findEnterpriseById, findEnterpriseByUscc } from '../../db/repos/enterprises.repo';
import { assignDepartments } from '../../db/repos/staff-departments.repo';
import { findUserById, insertUser, type UserView, usernameExists } from '../../db/repos/users.repo';
import type { CreateUserBody } from '../../shared/api/admin';
import { AppError } from '../../shared/errors';
import { type PasswordHasher, passwordProblem } from '../auth/password';
import { audit, transact, type UseCaseContext } from '../use-case';
import { uniqueViolation } from './unique-violation';
import { type DepartmentRefs, resolveDepartments } from './user-departments';

export type CreateUserInput = Omit<CreateUserBody, 'enterpriseId' | 'departmentIds'> & {
  /** An applicant's enterprise, by id (the web form) or by 统一社会信用代码 (the CLI). */
  enterprise?: { id: string } | { uscc: string };
  /** A staff user's departments, by id (the web form) or by code (the CLI). */
  departments?: DepartmentRefs;
};

const departmentCount = (refs: DepartmentRefs | undefined) =>
  refs === undefined ? 0 : 'ids' in refs ? refs.ids.length : refs.codes.length;

export async function createUser(
  ctx: UseCaseContext & { hasher: PasswordHasher },
  input: CreateUserInput,
): Promise<UserView> {
  // The registration's rules, for the web form and `huiqi user create` alike.
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw new AppError(problem, 'validation', {}, [{ path: 'password', code: problem }]);
  const enterprise = input.role === 'applicant' ? input.enterprise : undefined;
  if (input.role === 'applicant' && !enterprise) {
    throw new AppError('ENTERPRISE_REQUIRED', 'validation', {}, [
      { path: 'enterpriseId', code: 'ENTERPRISE_REQUIRED' },
    ]);
  }
  if (input.role === 'applicant' && departmentCount(input.departments) > 0) {
    throw new AppError('DEPARTMENTS_APPLICANT', 'validation', {}, [
      { path: 'departmentIds', code: 'DEPARTMENTS_APPLICANT' },
    ]);
  }
  const departments = departmentCount(input.departments) > 0 ? input.departments : undefined;
  const passwordHash = await ctx.hasher.hash(input.password);
  const now = ctx.clock();
  try {
    const id = await transact(ctx, async (tx) => {
      if (await usernameExists(tx, input.username)) throw new AppError('USERNAME_TAKEN', 'conflict');
      const found = enterprise
        ? 'id' in enterprise
          ? await findEnterpriseById(tx, enterprise.id)
          : await findEnterpriseByUscc(tx, enterprise.uscc)
        : undefined;
      if (enterprise && !found) throw new AppError('ENTERPRISE_NOT_FOUND', 'not_found');
      const departmentIds = departments ? await resolveDepartments(tx, departments) : [];
      const enterpriseId = found?.id ?? null;
      const userId = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        enterpriseId,
        passwordHash,
        locale: ctx.locale,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        mustChangePassword: ctx.actor.kind === 'user',
        now,
      });
      await audit(tx, ctx, now, {
        action: 'user.created',
        entityId: userId,
        after: { username: input.username, displayName: input.displayName, role: input.role, enterpriseId },
      });
      if (departmentIds.length > 0) {
        await assignDepartments(tx, userId, departmentIds);
        await audit(tx, ctx, now, {
          action: 'user.departments_changed',
          entityId: userId,
          before: { departmentIds: [] },
          after: { departmentIds },
        });
      }
      return userId;
    });
    const user = await findUserById(ctx.db.orm, id);
    if (!user) throw new Error('createUser: the new user vanished');
    return user;
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new AppError('USERNAME_TAKEN', 'conflict');
    throw error;
  }
}
