// Server-side sessions (会话). The row id is the sha256 of the cookie token, so the table alone grants nothing.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { sessions } from '../schema';

type Db = Orm | Tx;

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function insertSession(
  db: Db,
  session: SessionRow & { userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The session if it exists and has not expired at `now`. */
export async function findLiveSession(db: Db, id: string, now: Date): Promise<SessionRow | undefined> {
  const rows = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return rows[0];
}

/** Slides the idle expiry forward. */
export async function touchSession(db: Db, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user; returns how many there were. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id });
  return rows.length;
}
