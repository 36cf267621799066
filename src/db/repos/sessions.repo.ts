// Server-side sessions (会话). The row id is the sha256 of the cookie token, so the table alone grants nothing.
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { preparedPerDatabase } from '../prepared';
import { authThrottles, enterprises, sessions, users } from '../schema';
import { type DataVersions, dataVersionsColumn } from '../versioned-read';
import { departmentIdsColumn } from './staff-departments.repo';
import {
  accountThrottle,
  toView as toUserView,
  type UserView,
  viewColumns as userViewColumns,
} from './users.repo';

type Db = Orm | Tx;

export interface SessionRow {
  id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

export async function insertSession(
  db: Db,
  session: SessionRow & { userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(session);
}

// The session and its user in one round trip, prepared: it runs before every signed-in request. A disabled user's
// sessions match nothing, so disabling takes effect on the next request on every instance; the user's departments
// come with it, so a change of them holds from the next request too.
const liveSessionWithUser = preparedPerDatabase((db) =>
  db
    .select({
      session: {
        id: sessions.id,
        userId: sessions.userId,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        absoluteExpiresAt: sessions.absoluteExpiresAt,
      },
      user: userViewColumns,
      departmentIds: departmentIdsColumn,
      dataVersions: dataVersionsColumn,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(authThrottles, accountThrottle)
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.absoluteExpiresAt, sql.placeholder('now')),
        isNull(users.disabledAt),
      ),
    )
    .prepare('huiqi_live_session_with_user'),
);

export interface LiveSession {
  session: SessionRow;
  user: UserView;
  /** The departments the user works for (ids, sorted; none for applicants and most administrators). */
  departmentIds: string[];
  dataVersions: DataVersions;
}

/**
 * The session if it has reached neither its idle nor its absolute expiry at `now`, with its user, when that
 * user is not disabled.
 */
export async function findLiveSessionWithUser(
  db: Orm,
  id: string,
  now: Date,
): Promise<LiveSession | undefined> {
  const [row] = await liveSessionWithUser(db).execute({ id, now: now.toISOString() });
  return (
    row && {
      session: row.session,
      user: toUserView(row.user),
      departmentIds: row.departmentIds,
      dataVersions: row.dataVersions,
    }
  );
}

/** Slides the idle expiry forward (the caller keeps it within the absolute expiry). */
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
