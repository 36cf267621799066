// Row-level policies beside the role table: `allows` (authz.ts) says whether a role may take an action at
// all; `can` also says whether this actor may take it on this row (an applicant reaches only its own
// enterprise). Use cases call `can` and answer 404 when it is false, so a row's existence never leaks.
import type { Actor } from './actor';
import { type Action, allows, type RoleAction } from './authz';

/** The facts of a row that a policy looks at, per action. */
export interface PolicyRows {
  'enterprise.read': { enterpriseId: string };
  /** An application of an enterprise: only that enterprise's users reach it as its applicant. */
  'application.own': { enterpriseId: string };
  /** An application under a department's program, and the departments the staff user works for. */
  'application.review': { departmentId: string; staffDepartmentIds: readonly string[] };
  /** A call's awards: staff of the department whose program the call is under. */
  'award.read': { departmentId: string; staffDepartmentIds: readonly string[] };
  /** The account an administrator acts on (disable, enable, unlock, role, password reset). */
  'user.manage': { userId: string };
}

type RowAction = keyof PolicyRows & RoleAction;

const ROW_POLICIES: { [A in RowAction]: (actor: Actor & { kind: 'user' }, row: PolicyRows[A]) => boolean } = {
  'enterprise.read': (actor, row) => actor.role !== 'applicant' || actor.enterpriseId === row.enterpriseId,
  'application.own': (actor, row) => actor.role === 'applicant' && actor.enterpriseId === row.enterpriseId,
  // Administrators run the platform across departments; other staff only their departments' programs.
  'application.review': (actor, row) =>
    actor.role === 'admin' || row.staffDepartmentIds.includes(row.departmentId),
  'award.read': (actor, row) => actor.role === 'admin' || row.staffDepartmentIds.includes(row.departmentId),
  // Never its own account: an administrator could lock itself out or lift itself into another role.
  'user.manage': (actor, row) => actor.id !== row.userId,
};

/**
 * True when the actor may take the action (on the row, for actions with a row policy). The console operator
 * and the system act outside the role table and may take every action; an anonymous visitor only `public`.
 */
export function can<A extends Action>(
  actor: Actor,
  action: A,
  ...row: A extends RowAction ? [PolicyRows[A]] : []
): boolean {
  if (actor.kind === 'operator' || actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return action === 'public';
  if (!allows(actor.role, action)) return false;
  const policy = (ROW_POLICIES as Partial<Record<Action, (a: typeof actor, r: unknown) => boolean>>)[action];
  return policy ? policy(actor, row[0]) : true;
}
