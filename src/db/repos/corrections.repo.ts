// Correction requests (退回补正): writing one with a return, the latest of an application, answering it on
// resubmission, and the requests whose deadline has passed unanswered.
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { applications, correctionRequests } from '../schema';

type Db = Orm | Tx;
export type CorrectionRequestRow = typeof correctionRequests.$inferSelect;

export async function insertCorrectionRequest(
  tx: Tx,
  row: Omit<CorrectionRequestRow, 'id' | 'answeredAt' | 'lapsedAt'>,
): Promise<CorrectionRequestRow> {
  const [inserted] = await tx.insert(correctionRequests).values(row).returning();
  if (!inserted) throw new Error('insert returned no row');
  return inserted;
}

export async function latestCorrectionRequest(
  db: Db,
  applicationId: string,
): Promise<CorrectionRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.applicationId, applicationId))
    .orderBy(desc(correctionRequests.requestedAt))
    .limit(1);
  return row;
}

/** The open request of the application, if any: neither answered nor lapsed. */
export async function openCorrectionRequest(db: Db, applicationId: string) {
  const [row] = await db
    .select()
    .from(correctionRequests)
    .where(
      and(
        eq(correctionRequests.applicationId, applicationId),
        isNull(correctionRequests.answeredAt),
        isNull(correctionRequests.lapsedAt),
      ),
    );
  return row;
}

export async function closeCorrectionRequest(
  tx: Tx,
  id: string,
  how: { answeredAt: Date } | { lapsedAt: Date },
): Promise<void> {
  await tx.update(correctionRequests).set(how).where(eq(correctionRequests.id, id));
}

/** Open requests whose deadline is over at `now`, for applications still returned, oldest first. */
export async function dueCorrectionRequests(db: Db, now: Date): Promise<CorrectionRequestRow[]> {
  const rows = await db
    .select({ request: correctionRequests })
    .from(correctionRequests)
    .innerJoin(applications, eq(applications.id, correctionRequests.applicationId))
    .where(
      and(
        isNull(correctionRequests.answeredAt),
        isNull(correctionRequests.lapsedAt),
        lte(correctionRequests.dueAt, now),
        eq(applications.status, 'returned'),
      ),
    )
    .orderBy(correctionRequests.dueAt);
  return rows.map((r) => r.request);
}
