// Sign-in (登录): password, then TOTP when enrolled. Five consecutive failures lock the account for fifteen
// minutes; unknown usernames fail the same way, take as long (a dummy hash is verified) and lock alike, so
// neither the answer nor its timing tells whether a name exists. The failure count is committed before the
// error is thrown, and the lock and a successful sign-in each write their audit event in that transaction.
import { recordAudit } from '../../db/audit';
import {
  findCredentialsForUpdate,
  recordFailedLogin,
  recordSuccessfulLogin,
  type UserView,
} from '../../db/repos/users.repo';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import { afterFailure, LOCK_MINUTES, minutesLeft } from './login-throttle';
import { createSession, type NewSession } from './sessions';
import { verifyTotp } from './totp';

export interface SignInInput {
  username: string;
  password: string;
  totpCode?: string;
  userAgent: string | undefined;
  requestId: string;
}

type Outcome = { ok: true; session: NewSession; user: UserView } | { ok: false; error: AppError };

const invalid = () => new AppError('AUTH_INVALID_CREDENTIALS', 'unauthenticated');
const locked = (until: Date, now: Date) =>
  new AppError('AUTH_LOCKED', 'locked', { minutes: minutesLeft(until, now) });

export async function signIn(
  deps: ServerDeps,
  input: SignInInput,
): Promise<{ session: NewSession; user: UserView }> {
  const username = input.username.toLowerCase();
  const now = deps.clock();
  const outcome = await deps.db.orm.transaction(async (tx): Promise<Outcome> => {
    const user = await findCredentialsForUpdate(tx, username);
    if (!user) {
      const state = deps.unknownUserThrottle.state(username, now);
      if (state.lockedUntil) return { ok: false, error: locked(state.lockedUntil, now) };
      await deps.hasher.verify(deps.dummyHash, input.password);
      const next = deps.unknownUserThrottle.fail(username, now);
      return { ok: false, error: next.lockedUntil ? locked(next.lockedUntil, now) : invalid() };
    }
    if (user.lockedUntil && user.lockedUntil > now)
      return { ok: false, error: locked(user.lockedUntil, now) };

    const passwordOk = await deps.hasher.verify(user.passwordHash, input.password);
    if (passwordOk && user.disabledAt) return { ok: false, error: invalid() };
    let failure: AppError | undefined = passwordOk ? undefined : invalid();
    if (!failure && user.totpEnabled) {
      if (!input.totpCode) return { ok: false, error: new AppError('AUTH_TOTP_REQUIRED', 'unauthenticated') };
      const secret = user.totpSecret ? deps.sealer.open(user.totpSecret) : '';
      if (!verifyTotp(secret, input.totpCode, now))
        failure = new AppError('AUTH_TOTP_INVALID', 'unauthenticated');
    }

    if (failure) {
      // An expired lock starts a fresh count.
      const current = { failures: user.lockedUntil ? 0 : user.failedLoginCount, lockedUntil: null };
      const next = afterFailure(current, now);
      await recordFailedLogin(tx, user.id, next.failures, next.lockedUntil, now);
      if (!next.lockedUntil) return { ok: false, error: failure };
      await recordAudit(tx, {
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        after: { lockedUntil: next.lockedUntil, minutes: LOCK_MINUTES },
        requestId: input.requestId,
        at: now,
      });
      return { ok: false, error: locked(next.lockedUntil, now) };
    }

    await recordSuccessfulLogin(tx, user.id, now);
    const session = await createSession(tx, user.id, {
      now,
      ttlHours: deps.config.sessionTtlHours,
      userAgent: input.userAgent,
    });
    await recordAudit(tx, {
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
      actorId: user.id,
      actorRole: user.role,
      requestId: input.requestId,
      at: now,
    });
    return { ok: true, session, user: { ...user, lockedUntil: null } };
  });
  if (!outcome.ok) throw outcome.error;
  return { session: outcome.session, user: outcome.user };
}
