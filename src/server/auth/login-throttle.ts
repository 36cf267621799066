// Lockout bookkeeping for usernames that do not exist. Real users keep their failure count in the database;
// an unknown name must lock after the same number of failures, or the 423 would tell an attacker which names
// are real. Memory-only and bounded: forgetting a fake name on restart reveals nothing.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
const MAX_TRACKED = 10_000;

export interface LockState {
  failures: number;
  lockedUntil: Date | null;
}

export interface LoginThrottle {
  state(username: string, now: Date): LockState;
  fail(username: string, now: Date): LockState;
}

/** The next state after one more failure, shared by real users (persisted) and unknown names (memory). */
export function afterFailure(current: LockState, now: Date): LockState {
  const failures = current.failures + 1;
  if (failures >= MAX_FAILED_LOGINS) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failures, lockedUntil: null };
}

/** Whole minutes left on a lock, at least 1. */
export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

export function createLoginThrottle(): LoginThrottle {
  const entries = new Map<string, LockState>();
  return {
    state(username, now) {
      const entry = entries.get(username);
      if (!entry) return { failures: 0, lockedUntil: null };
      if (entry.lockedUntil && entry.lockedUntil <= now) return { failures: 0, lockedUntil: null };
      return entry;
    },
    fail(username, now) {
      const next = afterFailure(this.state(username, now), now);
      entries.delete(username);
      if (entries.size >= MAX_TRACKED) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(username, next);
      return next;
    },
  };
}
