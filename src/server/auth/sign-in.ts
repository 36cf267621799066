// Sign-in (登录): password, then TOTP when enrolled. Failures slow the account from the failing address and,
// more loosely, from everywhere (`login-throttle.ts`); there is no lock an attacker could set off. Unknown
// usernames are counted in the same table and take as long (a dummy hash is verified), so neither the
// answer nor its timing tells whether a name exists. Counters move in the sign-in's transaction, with the
// failure's audit event, and are committed before the error is answered.

import type { Tx } from '../../db/client';
import {
  findCredentialsForUpdate,
  setTotpLastStep,
  type UserCredentials,
  type UserView,
} from '../../db/repos/users.repo';
import { ANONYMOUS } from '../../shared/actor';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import { audit, transact, type UseCaseContext } from '../use-case';
import {
  type DelayStarted,
  guardAttempt,
  recordFailure,
  recordNothing,
  recordSuccess,
} from './attempt-guard';
import { createSession, type NewSession } from './sessions';
import { acceptTotp } from './totp';

export interface SignInInput {
  username: string;
  password: string;
  totpCode?: string;
  userAgent: string | undefined;
  /** The source address of the request, for throttling. */
  address: string;
}

type Outcome = { ok: true; session: NewSession; user: UserView } | { ok: false; error: AppError };
type Check = { ok: true; totpStep: number | null } | { ok: false; error: AppError; counts: boolean };

const invalid = () => new AppError('AUTH_INVALID_CREDENTIALS', 'unauthenticated');

type SignInContext = UseCaseContext & Pick<ServerDeps, 'hasher' | 'sealer' | 'dummyHash' | 'config'>;

/** Checks the password and second factor; `counts` says whether a refusal is a failure to throttle. */
async function checkCredentials(
  deps: SignInContext,
  user: UserCredentials | undefined,
  input: SignInInput,
  now: Date,
): Promise<Check> {
  if (!user) {
    await deps.hasher.verify(deps.dummyHash, input.password);
    return { ok: false, error: invalid(), counts: true };
  }
  if (!(await deps.hasher.verify(user.passwordHash, input.password)))
    return { ok: false, error: invalid(), counts: true };
  if (user.disabledAt) return { ok: false, error: invalid(), counts: false };
  if (!user.totpEnabled) return { ok: true, totpStep: null };
  if (!input.totpCode)
    return { ok: false, error: new AppError('AUTH_TOTP_REQUIRED', 'unauthenticated'), counts: false };
  const secret = user.totpSecret ? deps.sealer.open(user.totpSecret) : '';
  const step = acceptTotp(secret, input.totpCode, now, user.totpLastStep);
  if (step === null)
    return { ok: false, error: new AppError('AUTH_TOTP_INVALID', 'unauthenticated'), counts: true };
  return { ok: true, totpStep: step };
}

/** The audit trail of a refused sign-in to a real account: the failure, and the delay it started. */
async function auditFailure(
  tx: Tx,
  deps: SignInContext,
  user: UserView,
  error: AppError,
  delay: DelayStarted,
) {
  const now = deps.clock();
  const ctx = { ...deps, actor: ANONYMOUS };
  await audit(tx, ctx, now, {
    action: 'user.sign_in_failed',
    entityId: user.id,
    after: { reason: error.code },
  });
  if (!delay) return;
  await audit(tx, ctx, now, {
    action: 'user.sign_in_throttled',
    entityId: user.id,
    after: { scope: delay.scope, seconds: delay.seconds, until: delay.until.toISOString() },
  });
}

export async function signIn(
  deps: SignInContext,
  input: SignInInput,
): Promise<{ session: NewSession; user: UserView }> {
  const username = input.username.toLowerCase();
  const now = deps.clock();
  const outcome = await transact(deps, async (tx): Promise<Outcome> => {
    const user = await findCredentialsForUpdate(tx, username);
    const guard = await guardAttempt(tx, { account: username, address: input.address }, now);
    const check = await checkCredentials(deps, user, input, now);
    if (!check.ok) {
      if (!check.counts) {
        await recordNothing(tx, guard);
        return { ok: false, error: check.error };
      }
      const delay = await recordFailure(tx, guard, now);
      if (user) await auditFailure(tx, deps, user, check.error, delay);
      return { ok: false, error: check.error };
    }
    if (!user) throw new Error('signIn: credentials passed without a user');

    await recordSuccess(tx, guard);
    if (check.totpStep !== null) await setTotpLastStep(tx, user.id, check.totpStep);
    const session = await createSession(tx, user.id, {
      now,
      ttlHours: deps.config.sessionTtlHours,
      absoluteHours: deps.config.sessionAbsoluteHours,
      userAgent: input.userAgent,
    });
    // The one signing in is the actor from here on, though the request came in anonymous.
    const actor = { kind: 'user' as const, id: user.id, role: user.role, enterpriseId: user.enterpriseId };
    await audit(tx, { ...deps, actor }, now, { action: 'user.signed_in', entityId: user.id });
    return { ok: true, session, user };
  });
  if (!outcome.ok) throw outcome.error;
  return { session: outcome.session, user: outcome.user };
}
