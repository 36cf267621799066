// Objections (异议) to published award lists: filing, the staff's reading of a call's objections, and their
// resolution. The use cases decide who may do what; this file only reads and writes rows.
import { and, asc, count, eq, inArray, min } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { applications, awards, enterprises, objections, publicityLists } from '../schema';

type Db = Orm | Tx;
export type ObjectionRow = typeof objections.$inferSelect;
export type NewObjection = Pick<
  ObjectionRow,
  'listId' | 'applicationId' | 'filerName' | 'contact' | 'reasons' | 'filedAt'
>;

export async function insertObjection(tx: Tx, row: NewObjection): Promise<ObjectionRow> {
  const [inserted] = await tx.insert(objections).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

/** The list locked against a republication while an objection is filed on it. */
export async function lockList(tx: Tx, listId: string) {
  const [row] = await tx.select().from(publicityLists).where(eq(publicityLists.id, listId)).for('share');
  return row;
}

export async function lockObjection(tx: Tx, id: string) {
  const [row] = await tx
    .select({ objection: objections, callId: publicityLists.callId })
    .from(objections)
    .innerJoin(publicityLists, eq(publicityLists.id, objections.listId))
    .where(eq(objections.id, id))
    .for('update', { of: objections });
  return row;
}

/** The call whose list an objection was filed on, for reaching it: undefined for no such objection. */
export async function callOfObjection(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ callId: publicityLists.callId })
    .from(objections)
    .innerJoin(publicityLists, eq(publicityLists.id, objections.listId))
    .where(eq(objections.id, id));
  return row?.callId;
}

export async function resolveObjectionRow(
  tx: Tx,
  id: string,
  resolution: Pick<
    ObjectionRow,
    'status' | 'investigation' | 'resolution' | 'remedy' | 'limitFen' | 'resolvedBy' | 'resolvedAt'
  >,
): Promise<ObjectionRow> {
  const [row] = await tx.update(objections).set(resolution).where(eq(objections.id, id)).returning();
  if (!row) throw new Error(`objection ${id} vanished inside its own transaction`);
  return row;
}

/** Every objection to any of the call's lists, oldest first, with the list's seq and the entry's enterprise. */
export async function objectionsOfCall(db: Db, callId: string) {
  return db
    .select({ objection: objections, listSeq: publicityLists.seq, enterpriseName: enterprises.name })
    .from(objections)
    .innerJoin(publicityLists, eq(publicityLists.id, objections.listId))
    .leftJoin(applications, eq(applications.id, objections.applicationId))
    .leftJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(eq(publicityLists.callId, callId))
    .orderBy(asc(objections.filedAt), asc(objections.id));
}

/** How many objections to the call's lists are not yet resolved. */
export async function openObjectionCount(db: Db, callId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(objections)
    .innerJoin(publicityLists, eq(publicityLists.id, objections.listId))
    .where(and(eq(publicityLists.callId, callId), eq(objections.status, 'open')));
  return row?.n ?? 0;
}

/** Marks the list replaced by a later one (and closed, if its period was still running). */
export async function supersedeList(tx: Tx, listId: string, at: Date): Promise<void> {
  const [list] = await tx.select().from(publicityLists).where(eq(publicityLists.id, listId));
  await tx
    .update(publicityLists)
    .set({ supersededAt: at, closedAt: list?.closedAt ?? at })
    .where(eq(publicityLists.id, listId));
}

/** Whether the application is a winner on the calculation's list: what an objection may name. */
export async function isWinnerOf(db: Db, calculationId: string, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ allocatedFen: awards.allocatedFen })
    .from(awards)
    .where(and(eq(awards.calculationId, calculationId), eq(awards.applicationId, applicationId)));
  return row !== undefined && row.allocatedFen > 0n;
}

/** The lowest limit upheld objections set on each of the applications' awards (核减), in fen. */
export async function awardLimits(db: Db, applicationIds: readonly string[]): Promise<Map<string, bigint>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ applicationId: objections.applicationId, limitFen: min(objections.limitFen) })
    .from(objections)
    .where(
      and(
        inArray(objections.applicationId, [...applicationIds]),
        eq(objections.status, 'upheld'),
        eq(objections.remedy, 'reduce'),
      ),
    )
    .groupBy(objections.applicationId);
  const limits = new Map<string, bigint>();
  for (const row of rows) {
    if (row.applicationId !== null && row.limitFen !== null)
      limits.set(row.applicationId, BigInt(row.limitFen));
  }
  return limits;
}
