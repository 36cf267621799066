// Sign-in throttling (登录限速), after OWASP's authentication cheat sheet: no hard lock that anyone could set
// off against any account, but growing delays. Failures are counted twice: per account and source address,
// where a few mistakes are forgiven and then each failure doubles the wait (1 s, 2 s, 4 s … at most 15 min),
// so a guesser's address slows to a crawl while the owner signs in from their own; and per account across
// all addresses, with a looser threshold, so spreading guesses over many addresses gains little. A counter
// starts afresh a day after its first failure unless a delay is running. Pure: state in, next state out.
import type { ThrottleState } from '../../db/repos/auth-throttles.repo';

/** Failures forgiven from one address before the first delay. */
export const PAIR_THRESHOLD = 5;
/** Failures forgiven across all addresses before the account itself is slowed. */
export const ACCOUNT_THRESHOLD = 20;
export const MAX_DELAY_SECONDS = 15 * 60;
export const FORGET_AFTER_MS = 24 * 3_600_000;

/** Whole seconds until attempts are accepted again; 0 when they are now. */
export function secondsBlocked(state: ThrottleState, now: Date): number {
  if (!state.blockedUntil || state.blockedUntil <= now) return 0;
  return Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000);
}

/** The delay after the `failures`-th failure: none up to the threshold, then doubling from one second. */
export function delaySeconds(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  // 2^10 s already passes the cap; the exponent is bounded so a huge count cannot overflow.
  return Math.min(2 ** Math.min(failures - threshold, 10), MAX_DELAY_SECONDS);
}

/** The state after one more failure. */
export function afterFailure(state: ThrottleState, threshold: number, now: Date): ThrottleState {
  const stale =
    now.getTime() - state.windowStartedAt.getTime() >= FORGET_AFTER_MS && !secondsBlocked(state, now);
  const attempts = (stale ? 0 : state.attempts) + 1;
  const delay = delaySeconds(attempts, threshold);
  return {
    attempts,
    windowStartedAt: stale ? now : state.windowStartedAt,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay * 1000) : null,
  };
}
