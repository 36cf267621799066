// The database side of sign-in throttling: both counters of one attempt (the account from this address, the
// account from everywhere) locked for the attempt's transaction, refused while either is delayed, and moved
// on by the attempt's outcome. Sign-in and every other check of a second factor go through it, so a code can
// be guessed no faster at the TOTP endpoints than at sign-in.

import type { Tx } from '../../db/client';
import {
  deleteEmptyThrottle,
  deleteThrottle,
  lockThrottle,
  saveThrottle,
  type ThrottleKey,
  type ThrottleState,
} from '../../db/repos/auth-throttles.repo';
import { AppError } from '../../shared/errors';
import { ACCOUNT_THRESHOLD, afterFailure, PAIR_THRESHOLD, secondsBlocked } from './login-throttle';

export interface Attempt {
  /** The username as typed; counted lower-cased whether or not such a user exists. */
  account: string;
  /** The source address of the request. */
  address: string;
}

export interface Guard {
  pair: { key: ThrottleKey; state: ThrottleState };
  account: { key: ThrottleKey; state: ThrottleState };
}

/** What one more failure started: a delay on this address, on the whole account, or nothing. */
export type DelayStarted = { scope: 'address' | 'account'; seconds: number; until: Date } | null;

export const throttled = (seconds: number) => new AppError('AUTH_THROTTLED', 'rate_limited', { seconds });

/** Locks the attempt's counters; throws AUTH_THROTTLED while either is delayed. */
export async function guardAttempt(tx: Tx, attempt: Attempt, now: Date): Promise<Guard> {
  const account = attempt.account.toLowerCase();
  const pairKey: ThrottleKey = { scope: 'sign_in_pair', account, address: attempt.address };
  const accountKey: ThrottleKey = { scope: 'sign_in_account', account, address: '' };
  const guard: Guard = {
    pair: { key: pairKey, state: await lockThrottle(tx, pairKey, now) },
    account: { key: accountKey, state: await lockThrottle(tx, accountKey, now) },
  };
  const seconds = Math.max(secondsBlocked(guard.pair.state, now), secondsBlocked(guard.account.state, now));
  if (seconds > 0) throw throttled(seconds);
  return guard;
}

/** Counts a failure on both counters and says which delay, if any, it started. */
export async function recordFailure(tx: Tx, guard: Guard, now: Date): Promise<DelayStarted> {
  const pair = afterFailure(guard.pair.state, PAIR_THRESHOLD, now);
  const account = afterFailure(guard.account.state, ACCOUNT_THRESHOLD, now);
  await saveThrottle(tx, guard.pair.key, pair, now);
  await saveThrottle(tx, guard.account.key, account, now);
  if (account.blockedUntil) {
    return { scope: 'account', seconds: secondsBlocked(account, now), until: account.blockedUntil };
  }
  if (pair.blockedUntil)
    return { scope: 'address', seconds: secondsBlocked(pair, now), until: pair.blockedUntil };
  return null;
}

/**
 * A success forgives this address's failures; the account-wide count stays, or a guesser elsewhere would get
 * a fresh allowance each time the owner signs in.
 */
export async function recordSuccess(tx: Tx, guard: Guard): Promise<void> {
  await deleteThrottle(tx, guard.pair.key);
  await deleteEmptyThrottle(tx, guard.account.key);
}

/** An attempt that neither failed nor succeeded (e.g. the second factor is still to come) leaves no rows. */
export async function recordNothing(tx: Tx, guard: Guard): Promise<void> {
  await deleteEmptyThrottle(tx, guard.pair.key);
  await deleteEmptyThrottle(tx, guard.account.key);
}
