// TOTP enrolment (双因素认证) for staff: a secret is generated and stored sealed, then enabled once the user
// proves their authenticator shows the same codes. Administrators must keep it on (等保 2.0 level 3).
import { recordAudit } from '../../db/audit';
import { findTotpSecret, setTotpEnabled, setTotpSecret } from '../../db/repos/users.repo';
import { AppError } from '../../shared/errors';
import type { ServerDeps } from '../deps';
import type { AuthContext } from '../http/context';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp';

const ISSUER = 'Huiqi';

export async function setUpTotp(deps: ServerDeps, auth: AuthContext) {
  if (auth.user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', 'conflict');
  const secret = generateTotpSecret();
  await deps.db.orm.transaction((tx) =>
    setTotpSecret(tx, auth.user.id, deps.sealer.seal(secret), deps.clock()),
  );
  return { secret, otpauthUrl: otpauthUrl(secret, auth.user.username, ISSUER) };
}

async function checkCode(deps: ServerDeps, auth: AuthContext, code: string, now: Date) {
  const sealed = await findTotpSecret(deps.db.orm, auth.user.id);
  if (!sealed) throw new AppError('TOTP_NOT_SET_UP', 'conflict');
  if (!verifyTotp(deps.sealer.open(sealed), code, now)) throw new AppError('AUTH_TOTP_INVALID', 'validation');
}

/** Switches TOTP sign-in after a valid code, with its audit event in the same transaction. */
async function switchTotp(
  deps: ServerDeps,
  auth: AuthContext,
  code: string,
  enabled: boolean,
  requestId: string,
) {
  const now = deps.clock();
  await checkCode(deps, auth, code, now);
  await deps.db.orm.transaction(async (tx) => {
    await setTotpEnabled(tx, auth.user.id, enabled, now);
    await recordAudit(tx, {
      action: enabled ? 'user.totp_enabled' : 'user.totp_disabled',
      entityType: 'user',
      entityId: auth.user.id,
      actorId: auth.user.id,
      actorRole: auth.user.role,
      requestId,
      at: now,
    });
  });
}

export async function enableTotp(deps: ServerDeps, auth: AuthContext, code: string, requestId: string) {
  if (auth.user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', 'conflict');
  await switchTotp(deps, auth, code, true, requestId);
}

export async function disableTotp(deps: ServerDeps, auth: AuthContext, code: string, requestId: string) {
  if (auth.user.role === 'admin') throw new AppError('TOTP_REQUIRED_FOR_ROLE', 'forbidden');
  if (!auth.user.totpEnabled) throw new AppError('TOTP_NOT_ENABLED', 'conflict');
  await switchTotp(deps, auth, code, false, requestId);
}
