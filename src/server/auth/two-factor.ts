// Who must sign in with a second factor (双因素认证). Staff who can move money or decide awards — approvers,
// finance and administrators — must (等保 2.0 level 3 asks it of privileged accounts); other staff may opt in;
// enterprise users sign in with a password only, their accounts act for one enterprise's own applications.
// The development demo lets its accounts other than the administrator skip it so a visitor can look around;
// the flag lives on those demo rows and counts only while the demo is on, which the config refuses in
// production.
import type { Config } from '../../config';
import type { UserView } from '../../db/repos/users.repo';
import type { Role } from '../../shared/roles';

const TOTP_REQUIRED_ROLES: readonly Role[] = ['approver', 'finance', 'admin'];

export function roleRequiresTotp(role: Role): boolean {
  return TOTP_REQUIRED_ROLES.includes(role);
}

/** Whether this user may not work without TOTP enabled. */
export function totpRequired(
  user: Pick<UserView, 'role' | 'totpOptionalInDemo'>,
  config: Pick<Config, 'demo' | 'nodeEnv'>,
): boolean {
  if (!roleRequiresTotp(user.role)) return false;
  const demoSkip = config.demo && config.nodeEnv !== 'production' && user.totpOptionalInDemo;
  return !demoSkip;
}

/** Whether this user must enrol before doing anything but enrolment, sign-out and the session. */
export function mustEnrolTotp(
  user: Pick<UserView, 'role' | 'totpOptionalInDemo' | 'totpEnabled'>,
  config: Pick<Config, 'demo' | 'nodeEnv'>,
): boolean {
  return totpRequired(user, config) && !user.totpEnabled;
}
