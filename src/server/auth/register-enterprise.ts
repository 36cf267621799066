// Self-registration (企业注册): an enterprise and its first user in one transaction, then signed in. The USCC
// must pass its GB 32100-2015 check, or the registrant confirms it explicitly (some early codes fail it; the
// confirmation is recorded on the enterprise and in the audit event); the answer never says what the check
// character should be. A second user for a known enterprise is refused: its existing users add colleagues.
//
// Registration is open to anonymous visitors and there is no e-mail verification yet, so it must not tell
// who is registered. A taken username and a registered USCC both answer one REGISTRATION_REFUSED, which
// points to signing in or to the bureau; the password is hashed before the check so both take as long as a
// success. That a refusal means "one of the two exists" cannot be hidden without verification; a limit of a
// few attempts per hour per source address, counted in PostgreSQL for all instances, keeps probing slow.
import { checkUscc } from '../../core/uscc/uscc';
import { countAttempt } from '../../db/repos/auth-throttles.repo';
import { findEnterpriseByUscc, insertEnterprise } from '../../db/repos/enterprises.repo';
import { recordUsccConfirmedByRegistrant } from '../../db/repos/registration.repo';
import { findUserById, insertUser, type UserView, usernameExists } from '../../db/repos/users.repo';
import type { RegisterBody } from '../../shared/api/session';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import { audit, transact, type UseCaseContext } from '../use-case';
import { uniqueViolation } from '../users/unique-violation';
import { passwordProblem } from './password';
import { createSession, type NewSession } from './sessions';

type RegisterContext = UseCaseContext & Pick<ServerDeps, 'hasher' | 'config'>;

const WINDOW_MS = 3_600_000;

const refused = () => new AppError('REGISTRATION_REFUSED', 'conflict');

/** Counts this attempt for its address in a transaction of its own, so a refused attempt counts too. */
async function countRegistration(ctx: RegisterContext, address: string, now: Date) {
  const { attempts, windowStartedAt } = await transact(ctx, (tx) =>
    countAttempt(tx, { scope: 'registration_address', account: '', address }, now, WINDOW_MS),
  );
  if (attempts <= ctx.config.rateLimit.registrationsPerHour) return;
  const msLeft = windowStartedAt.getTime() + WINDOW_MS - now.getTime();
  throw new AppError('REGISTRATION_THROTTLED', 'rate_limited', {
    minutes: Math.max(1, Math.ceil(msLeft / 60_000)),
  });
}

function acceptedUscc(input: RegisterBody): { uscc: string; confirmed: boolean } {
  const check = checkUscc(input.uscc);
  if (check.ok) return { uscc: check.uscc, confirmed: false };
  if (check.reason === 'check_digit' && input.usccCheckOverride === true)
    return { uscc: check.uscc, confirmed: true };
  const code = check.reason === 'check_digit' ? 'USCC_CHECK_DIGIT' : 'USCC_FORMAT';
  throw new AppError('USCC_INVALID', 'validation', {}, [{ path: 'uscc', code }]);
}

export async function registerEnterprise(
  ctx: RegisterContext,
  input: RegisterBody & { userAgent: string | undefined; address: string },
): Promise<{ session: NewSession; user: UserView }> {
  const now = ctx.clock();
  await countRegistration(ctx, input.address, now);
  const { uscc, confirmed } = acceptedUscc(input);
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw new AppError(problem, 'validation', {}, [{ path: 'password', code: problem }]);
  const passwordHash = await ctx.hasher.hash(input.password);
  try {
    const { userId, session } = await transact(ctx, async (tx) => {
      if ((await findEnterpriseByUscc(tx, uscc)) || (await usernameExists(tx, input.username)))
        throw refused();
      const enterprise = await insertEnterprise(tx, {
        uscc,
        name: input.enterpriseName,
        district: input.district,
        // The registrant's own statement; intake confirms it against the registry.
        sizeClass: input.sizeClass,
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
        locale: ctx.locale,
        createdBy: null,
        now,
      });
      if (confirmed) await recordUsccConfirmedByRegistrant(tx, enterprise.id, id);
      const actor = { kind: 'user' as const, id, role: 'applicant' as const, enterpriseId: enterprise.id };
      await audit(tx, { ...ctx, actor }, now, {
        action: 'enterprise.registered',
        entityId: enterprise.id,
        after: {
          uscc: enterprise.uscc,
          name: enterprise.name,
          district: enterprise.district,
          sizeClass: enterprise.sizeClass,
          userId: id,
          ...(confirmed ? { usccCheckOverride: true } : {}),
        },
      });
      const created = await createSession(tx, id, {
        now,
        ttlHours: ctx.config.sessionTtlHours,
        absoluteHours: ctx.config.sessionAbsoluteHours,
        userAgent: input.userAgent,
      });
      return { userId: id, session: created };
    });
    const user = await findUserById(ctx.db.orm, userId);
    if (!user) throw new Error('registerEnterprise: the new user vanished');
    return { session, user };
  } catch (error) {
    // Two registrations racing on one USCC or username: the unique constraint decides, with the same answer.
    if (uniqueViolation(error) !== undefined) throw refused();
    throw error;
  }
}
