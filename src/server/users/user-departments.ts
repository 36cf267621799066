// The departments (主管部门) a staff user works for, set by an administrator as a whole set: staff other than
// administrators reach only their departments' programs and applications, so a new intake officer sees nothing
// until given one. Never an enterprise user's (it acts for its enterprise), and never the administrator's own
// account, like every other action on accounts. The new set holds from the user's next request: the session
// read carries it (sessions.repo.ts).
import type { Tx } from '../../db/client';
import { findDepartmentsByCodes, findDepartmentsByIds } from '../../db/repos/departments.repo';
import { departmentsOf, replaceDepartments } from '../../db/repos/staff-departments.repo';
import { findUserForUpdate } from '../../db/repos/users.repo';
import { AppError, type ErrorDetail } from '../../shared/errors';
import { audit, transact, type UseCaseContext } from '../use-case';
import { refuseOwnAccount } from './refuse-own-account';

/** Departments named by id (the API) or by code (the CLI). */
export type DepartmentRefs = { ids: readonly string[] } | { codes: readonly string[] };

/**
 * The ids of the named departments, each once, sorted; a 422 DEPARTMENT_NOT_FOUND with a detail for each name
 * that matches none (at `departmentIds[i]`, the API's field, or `departments[i]`, the CLI's option), so nothing
 * is written with a department that does not exist.
 */
export async function resolveDepartments(tx: Tx, refs: DepartmentRefs): Promise<string[]> {
  const byId = 'ids' in refs;
  const path = byId ? 'departmentIds' : 'departments';
  // Ids compare lower-case, as PostgreSQL writes them; codes exactly.
  const names = byId ? refs.ids.map((id) => id.toLowerCase()) : [...refs.codes];
  const unique = [...new Set(names)];
  const found = byId ? await findDepartmentsByIds(tx, unique) : await findDepartmentsByCodes(tx, unique);
  const known = new Set(found.map((d) => (byId ? d.id : d.code)));
  const details: ErrorDetail[] = [];
  names.forEach((name, i) => {
    if (!known.has(name)) details.push({ path: `${path}[${i}]`, code: 'DEPARTMENT_NOT_FOUND' });
  });
  if (details.length > 0) {
    const unknown = unique.filter((name) => !known.has(name)).join(', ');
    throw new AppError('DEPARTMENT_NOT_FOUND', 'unprocessable', { unknown }, details);
  }
  return found.map((d) => d.id).sort();
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** Replaces the departments of a staff user; the same set again changes nothing and records nothing. */
export async function setUserDepartments(
  ctx: UseCaseContext,
  input: { userId: string; departmentIds: readonly string[] },
): Promise<void> {
  const { userId } = input;
  refuseOwnAccount(ctx, userId, 'CANNOT_MANAGE_SELF');
  const now = ctx.clock();
  await transact(ctx, async (tx) => {
    // Locked, so two administrators changing the same user's set record each other's result as `before`.
    const user = await findUserForUpdate(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND', 'not_found');
    if (user.role === 'applicant') throw new AppError('DEPARTMENTS_APPLICANT', 'conflict');
    const after = await resolveDepartments(tx, { ids: input.departmentIds });
    const before = (await departmentsOf(tx, userId)).sort();
    if (sameSet(before, after)) return;
    await replaceDepartments(tx, userId, after);
    await audit(tx, ctx, now, {
      action: 'user.departments_changed',
      entityId: userId,
      before: { departmentIds: before },
      after: { departmentIds: after },
    });
  });
}
