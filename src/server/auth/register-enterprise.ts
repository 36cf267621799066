// Self-registration (企业注册): an enterprise and its first user in one transaction, then signed in. The USCC
// must pass its GB 32100-2015 check; the answer says the check digit is wrong but never what it should be.
// A second user for a known enterprise is refused: its existing users add colleagues.

import { checkUscc } from '../../core/uscc/uscc';
import { recordAudit } from '../../db/audit';
import { findEnterpriseByUscc, insertEnterprise } from '../../db/repos/enterprises.repo';
import { findUserById, insertUser, type UserView, usernameExists } from '../../db/repos/users.repo';
import type { RegisterBody } from '../../shared/api/session';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/i18n';
import type { ServerDeps } from '../deps';
import { uniqueViolation } from '../users/unique-violation';
import { isPasswordStrong } from './password';
import { createSession, type NewSession } from './sessions';

export interface RegisterContext {
  locale: Locale;
  userAgent: string | undefined;
  requestId: string;
}

export async function registerEnterprise(
  deps: ServerDeps,
  input: RegisterBody,
  context: RegisterContext,
): Promise<{ session: NewSession; user: UserView }> {
  const check = checkUscc(input.uscc);
  if (!check.ok) {
    const code = check.reason === 'check_digit' ? 'USCC_CHECK_DIGIT' : 'USCC_FORMAT';
    throw new AppError('USCC_INVALID', 'validation', {}, [{ path: 'uscc', code }]);
  }
  if (!isPasswordStrong(input.password)) {
    throw new AppError('PASSWORD_WEAK', 'validation', {}, [{ path: 'password', code: 'PASSWORD_WEAK' }]);
  }
  const passwordHash = await deps.hasher.hash(input.password);
  const now = deps.clock();
  try {
    const { userId, session } = await deps.db.orm.transaction(async (tx) => {
      if (await findEnterpriseByUscc(tx, check.uscc)) throw new AppError('ENTERPRISE_EXISTS', 'conflict');
      if (await usernameExists(tx, input.username)) throw new AppError('USERNAME_TAKEN', 'conflict');
      const enterprise = await insertEnterprise(tx, {
        uscc: check.uscc,
        name: input.enterpriseName,
        district: input.district,
        // The size class (大/中/小/微) is confirmed by intake against the registry; a new registrant starts
        // as small, the most common class among applicants.
        sizeClass: input.sizeClass ?? 'small',
        industryCluster: input.industryCluster ?? null,
        contactName: input.displayName,
        contactPhone: input.contactPhone ?? null,
      });
      const id = await insertUser(tx, {
        username: input.username,
        displayName: input.displayName,
        role: 'applicant',
        enterpriseId: enterprise.id,
        passwordHash,
        locale: context.locale,
        createdBy: null,
        now,
      });
      await recordAudit(tx, {
        action: 'enterprise.registered',
        entityType: 'enterprise',
        entityId: enterprise.id,
        actorId: id,
        actorRole: 'applicant',
        after: { uscc: enterprise.uscc, name: enterprise.name, district: enterprise.district, userId: id },
        requestId: context.requestId,
        at: now,
      });
      const created = await createSession(tx, id, {
        now,
        ttlHours: deps.config.sessionTtlHours,
        userAgent: context.userAgent,
      });
      return { userId: id, session: created };
    });
    const user = await findUserById(deps.db.orm, userId);
    if (!user) throw new Error('registerEnterprise: the new user vanished');
    return { session, user };
  } catch (error) {
    // Two registrations racing on one USCC or username: the unique constraint decides.
    const constraint = uniqueViolation(error);
    if (constraint?.includes('username')) throw new AppError('USERNAME_TAKEN', 'conflict');
    if (constraint !== undefined) throw new AppError('ENTERPRISE_EXISTS', 'conflict');
    throw error;
  }
}
