// Rows to API objects: only the fields of the contract, dates as ISO strings, never credentials.
import type { UserView } from '../../db/repos/users.repo';
import type { AdminUser } from '../../shared/api/admin';
import type { User } from '../../shared/api/session';

export function presentUser(user: UserView): User {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    enterpriseId: user.enterpriseId,
    enterpriseName: user.enterpriseName,
    locale: user.locale,
    totpEnabled: user.totpEnabled,
    totpRequired: user.role === 'admin' && !user.totpEnabled,
  };
}

export function presentAdminUser(user: UserView, now: Date): AdminUser {
  const locked = user.lockedUntil !== null && user.lockedUntil > now;
  return {
    ...presentUser(user),
    disabled: user.disabledAt !== null,
    lockedUntil: locked && user.lockedUntil ? user.lockedUntil.toISOString() : null,
  };
}
