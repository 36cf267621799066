// The enterprise's inbox: its messages newest first, with the call each application is under, and marking them
// read. Messages are written by `changeStatus` (applications.repo.ts) in the change's transaction.
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { applications, calls, inboxMessages } from '../schema';

type Db = Orm | Tx;

/** The enterprise's latest messages (at most `limit`), each with its call's title. */
export async function inboxOf(db: Db, enterpriseId: string, limit: number) {
  return db
    .select({ message: inboxMessages, callTitle: calls.title, clause: applications.clause })
    .from(inboxMessages)
    .innerJoin(applications, eq(applications.id, inboxMessages.applicationId))
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(eq(inboxMessages.enterpriseId, enterpriseId))
    .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.seq))
    .limit(limit);
}

export async function unreadCount(db: Db, enterpriseId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.enterpriseId, enterpriseId), isNull(inboxMessages.readAt)));
  return row?.n ?? 0;
}

/** Marks the enterprise's messages among `ids` read (all of them when `ids` is null); others' are untouched. */
export async function markRead(db: Db, enterpriseId: string, ids: readonly string[] | null, at: Date) {
  const mine = and(eq(inboxMessages.enterpriseId, enterpriseId), isNull(inboxMessages.readAt));
  const where = ids === null ? mine : and(mine, inArray(inboxMessages.id, [...ids]));
  const rows = await db
    .update(inboxMessages)
    .set({ readAt: at })
    .where(where)
    .returning({ id: inboxMessages.id });
  return rows.length;
}
