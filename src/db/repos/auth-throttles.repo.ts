// Attempt counters of sign-in and registration (尝试次数), shared by every server instance. A row is locked
// for the rest of the caller's transaction once read, so two concurrent attempts on one account count one
// after the other instead of both passing a check made before either failed.
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { authThrottles, type ThrottleScope } from '../schema';

export interface ThrottleKey {
  scope: ThrottleScope;
  /** Lower-cased username; '' for a scope without one. */
  account: string;
  /** Source address; '' for a scope without one. */
  address: string;
}

export interface ThrottleState {
  attempts: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

const keyIs = (key: ThrottleKey) =>
  and(
    eq(authThrottles.scope, key.scope),
    eq(authThrottles.account, key.account),
    eq(authThrottles.address, key.address),
  );

/**
 * The current state of a counter, created empty when absent, and locked until the transaction ends. The
 * no-op update on conflict is what takes the row lock and makes RETURNING give the existing row.
 */
export async function lockThrottle(tx: Tx, key: ThrottleKey, now: Date): Promise<ThrottleState> {
  const rows = await tx
    .insert(authThrottles)
    .values({ ...key, attempts: 0, windowStartedAt: now, blockedUntil: null, updatedAt: now })
    .onConflictDoUpdate({
      target: [authThrottles.scope, authThrottles.account, authThrottles.address],
      set: { attempts: sql`${authThrottles.attempts}` },
    })
    .returning({
      attempts: authThrottles.attempts,
      windowStartedAt: authThrottles.windowStartedAt,
      blockedUntil: authThrottles.blockedUntil,
    });
  const row = rows[0];
  if (!row) throw new Error('lockThrottle: no row returned');
  return row;
}

export async function saveThrottle(tx: Tx, key: ThrottleKey, state: ThrottleState, now: Date) {
  await tx
    .update(authThrottles)
    .set({ ...state, updatedAt: now })
    .where(keyIs(key));
}

/** Forgets a counter (after a successful sign-in from that address). */
export async function deleteThrottle(tx: Tx, key: ThrottleKey) {
  await tx.delete(authThrottles).where(keyIs(key));
}

/** Drops a counter that holds nothing, as `lockThrottle` leaves one behind for an attempt that did not count. */
export async function deleteEmptyThrottle(tx: Tx, key: ThrottleKey) {
  await tx
    .delete(authThrottles)
    .where(and(keyIs(key), eq(authThrottles.attempts, 0), sql`${authThrottles.blockedUntil} IS NULL`));
}

/** Lifts every counter of one account, from every address. */
export async function deleteAccountThrottles(tx: Tx, account: string) {
  await tx.delete(authThrottles).where(eq(authThrottles.account, account.toLowerCase()));
}

/**
 * Counts one attempt in a fixed window and returns the count including it: the window starts afresh once
 * `windowMs` has passed since it began. One statement, so concurrent attempts each count.
 */
export async function countAttempt(tx: Tx, key: ThrottleKey, now: Date, windowMs: number) {
  const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;
  const windowOver = sql`${authThrottles.windowStartedAt} <= ${at(new Date(now.getTime() - windowMs))}`;
  const rows = await tx
    .insert(authThrottles)
    .values({ ...key, attempts: 1, windowStartedAt: now, blockedUntil: null, updatedAt: now })
    .onConflictDoUpdate({
      target: [authThrottles.scope, authThrottles.account, authThrottles.address],
      set: {
        attempts: sql`CASE WHEN ${windowOver} THEN 1 ELSE ${authThrottles.attempts} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${windowOver} THEN ${at(now)} ELSE ${authThrottles.windowStartedAt} END`,
        updatedAt: now,
      },
    })
    .returning({ attempts: authThrottles.attempts, windowStartedAt: authThrottles.windowStartedAt });
  const row = rows[0];
  if (!row) throw new Error('countAttempt: no row returned');
  return row;
}

/**
 * Deletes counters nobody needs any more: their window began at or before `windowStartedBefore` and no delay
 * is running at `now`. Such a counter would start afresh at its next attempt anyway; the sweep only keeps
 * the table from growing with every address that ever tried a name.
 */
export async function deleteStaleThrottles(db: Orm, windowStartedBefore: Date, now: Date): Promise<number> {
  const rows = await db
    .delete(authThrottles)
    .where(
      and(
        lte(authThrottles.windowStartedAt, windowStartedBefore),
        or(isNull(authThrottles.blockedUntil), lte(authThrottles.blockedUntil, now)),
      ),
    )
    .returning({ scope: authThrottles.scope });
  return rows.length;
}
