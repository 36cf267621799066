// Authorization as a table: every API route names one action, and the server's one hook checks the signed-in
// role against this list. The web app imports the same table to hide what the server would refuse. Row checks
// (an applicant sees only its own enterprise) live in the use cases.
import { ROLES, type Role, STAFF_ROLES } from './roles';

const ALL = ROLES;
const STAFF = STAFF_ROLES;

export const ACTIONS = {
  'auth.totp': STAFF,
  'program.read': STAFF,
  'enterprise.list': STAFF,
  'enterprise.read': ALL,
  'enterprise.own': ['applicant'],
  'application.own': ['applicant'],
  'application.review': ['intake', 'admin'],
  'award.calculate': ['admin'],
  'award.publicize': ['admin'],
  'award.read': ['intake', 'approver', 'finance', 'evaluator', 'admin'],
  'award.approve': ['approver'],
  'objection.read': ['intake', 'approver', 'evaluator', 'admin'],
  'objection.resolve': ['intake', 'admin'],
  'user.manage': ['admin'],
  'audit.read': ['admin', 'evaluator'],
  'audit.verify': ['admin'],
  'program-file.validate': ['admin'],
  'program.import': ['admin'],
  'program.export': ['admin', 'evaluator'],
  'simulation.run': ['admin', 'evaluator'],
  'calendar.read': STAFF,
  'calendar.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type RoleAction = keyof typeof ACTIONS;
/** `public`: anyone, signed in or not. `authenticated`: any signed-in user. */
export type Action = RoleAction | 'public' | 'authenticated';

/**
 * Actions an administrator may take before enrolling TOTP: everything else answers TOTP_ENROLMENT_REQUIRED.
 * `public` and `authenticated` routes (session, sign-out, locale) are always open to them.
 */
export const TOTP_ENROLMENT_ACTIONS: readonly Action[] = ['public', 'authenticated', 'auth.totp'];

/**
 * Actions a user whose password an administrator set (creating the user, or a reset) may take before choosing
 * their own: the session, sign-out, the language and the change of password itself (all `authenticated`);
 * everything else answers PASSWORD_CHANGE_REQUIRED.
 */
export const PASSWORD_CHANGE_ACTIONS: readonly Action[] = ['public', 'authenticated'];

export function isAction(value: unknown): value is Action {
  return (
    value === 'public' ||
    value === 'authenticated' ||
    (typeof value === 'string' && Object.hasOwn(ACTIONS, value))
  );
}

/** Roles the table allows for an action; every role for `public` and `authenticated`. */
export function rolesFor(action: Action): readonly Role[] {
  if (action === 'public' || action === 'authenticated') return ALL;
  return ACTIONS[action];
}

/** True when a user with this role (or anyone, for `public`) may take the action. */
export function allows(role: Role | null | undefined, action: Action): boolean {
  if (action === 'public') return true;
  if (!role) return false;
  return rolesFor(action).includes(role);
}
