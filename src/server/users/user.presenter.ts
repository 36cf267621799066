// Rows to API objects: only the fields of the contract, dates as ISO strings, never credentials.
import type { Config } from '../../config';
import type { DepartmentRow } from '../../db/repos/departments.repo';
import type { UserView, UserWithDepartments } from '../../db/repos/users.repo';
import type { AdminDepartment, AdminUser } from '../../shared/api/admin';
import type { User } from '../../shared/api/session';
import { totpRequired } from '../auth/two-factor';

type TwoFactorConfig = Pick<Config, 'demo' | 'nodeEnv'>;

// `totpRequired` is the server's own rule (role, and the development demo's exemption), so the web app sends
// a user to enrolment exactly when the server would refuse them with TOTP_ENROLMENT_REQUIRED.
export function presentUser(user: UserView, config: TwoFactorConfig): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    enterpriseId: user.enterpriseId,
    enterpriseName: user.enterpriseName,
    locale: user.locale,
    totpEnabled: user.totpEnabled,
    totpRequired: totpRequired(user, config),
    mustChangePassword: user.mustChangePassword,
  };
}

export function presentAdminUser(user: UserWithDepartments, config: TwoFactorConfig, now: Date): AdminUser {
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  return {
    ...presentUser(user, config),
    disabled: user.disabledAt !== null,
    lockedUntil: locked && user.lockedUntil ? user.lockedUntil.toISOString() : null,
    departmentIds: user.departmentIds,
  };
}

export function presentDepartment(department: DepartmentRow): AdminDepartment {
  return {
    id: department.id,
    code: department.code,
    name: department.name,
    regionName: department.regionName,
  };
}
