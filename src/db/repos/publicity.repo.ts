// Publicity lists (公示) of award calculations: publishing, the sweep that closes those whose period is over, and
// the public reading of the lists with their winners.
import { and, desc, eq, gt, inArray, isNull, lte, max, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { applications, awards, calls, enterprises, programs, publicityLists } from '../schema';

type Db = Orm | Tx;
export type PublicityListRow = typeof publicityLists.$inferSelect;

export async function insertPublicityList(
  tx: Tx,
  row: Omit<PublicityListRow, 'id' | 'seq' | 'closedAt' | 'supersededAt'>,
): Promise<PublicityListRow> {
  const [last] = await tx
    .select({ seq: max(publicityLists.seq) })
    .from(publicityLists)
    .where(eq(publicityLists.callId, row.callId));
  const [list] = await tx
    .insert(publicityLists)
    .values({ ...row, seq: (last?.seq ?? 0) + 1 })
    .returning();
  if (!list) throw new Error('insert returned no row');
  return list;
}

/** The call's list not yet marked closed, if any. */
export async function openListOfCall(db: Db, callId: string): Promise<PublicityListRow | undefined> {
  const [row] = await db
    .select()
    .from(publicityLists)
    .where(and(eq(publicityLists.callId, callId), isNull(publicityLists.closedAt)));
  return row;
}

/** The call's latest list, whether open, closed or superseded. */
export async function latestListOfCall(db: Db, callId: string): Promise<PublicityListRow | undefined> {
  const [row] = await db
    .select()
    .from(publicityLists)
    .where(eq(publicityLists.callId, callId))
    .orderBy(desc(publicityLists.seq))
    .limit(1);
  return row;
}

/** Marks closed every list whose period ended by `now`, and answers them. */
export async function closeDueLists(tx: Tx, now: Date): Promise<PublicityListRow[]> {
  return tx
    .update(publicityLists)
    .set({ closedAt: now })
    .where(and(isNull(publicityLists.closedAt), lte(publicityLists.closesAt, now)))
    .returning();
}

/** The latest list of each call, newest first, with what the portal shows of it. */
export async function publicLists(db: Db) {
  return db
    .select({ list: publicityLists, callTitle: calls.title, programName: programs.name })
    .from(publicityLists)
    .innerJoin(calls, eq(calls.id, publicityLists.callId))
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(
      sql`NOT EXISTS (SELECT 1 FROM publicity_lists later
        WHERE later.call_id = ${publicityLists.callId} AND later.seq > ${publicityLists.seq})`,
    )
    .orderBy(desc(publicityLists.publishedAt));
}

/** The winners of the lists' calculations: enterprise, clause and amount, largest first. */
export async function winnersOf(db: Db, calculationIds: readonly string[]) {
  if (calculationIds.length === 0) return [];
  return db
    .select({
      calculationId: awards.calculationId,
      applicationId: awards.applicationId,
      enterpriseName: enterprises.name,
      clause: applications.clause,
      allocatedFen: awards.allocatedFen,
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(and(inArray(awards.calculationId, [...calculationIds]), gt(awards.allocatedFen, sql`0`)))
    .orderBy(desc(awards.allocatedFen), enterprises.name);
}
