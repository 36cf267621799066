// TOTP enrolment (双因素认证) for staff: a secret is generated and stored sealed, then enabled once the user
// proves their authenticator shows the same codes. Roles that must use it cannot switch it off. A code is
// checked as at sign-in: throttled per account and address, and accepted once (its time step is kept).
import QRCode from 'qrcode';
import type { Config } from '../../config';
import type { Tx } from '../../db/client';
import { findTotpForUpdate, setTotpEnabled, setTotpLastStep, setTotpSecret } from '../../db/repos/users.repo';
import type { TotpSetupResponse } from '../../shared/api/session';
import { AppError } from '../../shared/errors';
import type { Sealer } from '../crypto';
import type { AuthContext } from '../http/context';
import { audit, transact, type UseCaseContext } from '../use-case';
import { guardAttempt, recordFailure, recordNothing, recordSuccess } from './attempt-guard';
import { acceptTotp, generateTotpSecret, otpauthUrl } from './totp';
import { totpRequired } from './two-factor';

const ISSUER = 'Huiqi';

type TotpContext = UseCaseContext & { auth: AuthContext; sealer: Sealer; config: Config };

export interface TotpCodeInput {
  code: string;
  /** The source address of the request, for throttling. */
  address: string;
}

export async function setUpTotp(ctx: TotpContext): Promise<TotpSetupResponse> {
  const { user } = ctx.auth;
  if (user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', 'conflict');
  const secret = generateTotpSecret();
  await transact(ctx, (tx) => setTotpSecret(tx, user.id, ctx.sealer.seal(secret), ctx.clock()));
  const url = otpauthUrl(secret, user.username, ISSUER);
  // A data: URL, which the CSP's img-src allows; the secret never leaves for a third-party QR service.
  const qrCode = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 200 });
  return { secret, otpauthUrl: url, qrCode };
}

/**
 * Checks a code inside the transaction, with the user's TOTP row locked: null when it was accepted (its step
 * is now used), else the error to answer once the failure is committed.
 */
async function acceptCode(
  tx: Tx,
  ctx: TotpContext,
  input: TotpCodeInput,
  now: Date,
): Promise<AppError | null> {
  const { user } = ctx.auth;
  const guard = await guardAttempt(tx, { account: user.username, address: input.address }, now);
  const totp = await findTotpForUpdate(tx, user.id);
  if (!totp?.secret) {
    await recordNothing(tx, guard);
    return new AppError('TOTP_NOT_SET_UP', 'conflict');
  }
  const step = acceptTotp(ctx.sealer.open(totp.secret), input.code, now, totp.lastStep);
  if (step === null) {
    await recordFailure(tx, guard, now);
    return new AppError('AUTH_TOTP_INVALID', 'validation');
  }
  await recordSuccess(tx, guard);
  await setTotpLastStep(tx, user.id, step);
  return null;
}

/** Switches TOTP sign-in after a valid code, with its audit event in the same transaction. */
async function switchTotp(ctx: TotpContext, input: TotpCodeInput, enabled: boolean) {
  const now = ctx.clock();
  const refused = await transact(ctx, async (tx) => {
    const error = await acceptCode(tx, ctx, input, now);
    if (error) return error;
    await setTotpEnabled(tx, ctx.auth.user.id, enabled, now);
    await audit(tx, ctx, now, {
      action: enabled ? 'user.totp_enabled' : 'user.totp_disabled',
      entityId: ctx.auth.user.id,
    });
    return null;
  });
  if (refused) throw refused;
}

export async function enableTotp(ctx: TotpContext, input: TotpCodeInput) {
  if (ctx.auth.user.totpEnabled) throw new AppError('TOTP_ALREADY_ENABLED', 'conflict');
  await switchTotp(ctx, input, true);
}

export async function disableTotp(ctx: TotpContext, input: TotpCodeInput) {
  if (totpRequired(ctx.auth.user, ctx.config)) throw new AppError('TOTP_REQUIRED_FOR_ROLE', 'forbidden');
  if (!ctx.auth.user.totpEnabled) throw new AppError('TOTP_NOT_ENABLED', 'conflict');
  await switchTotp(ctx, input, false);
}
