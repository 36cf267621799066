// Award approvals (审批): the approved amount of each application on an approved list, and the sums a budget
// check needs. The program's row lock is what makes the check hold when approvers act at once.
import { and, desc, eq, inArray, sum } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import {
  applicationStatusChanges,
  applications,
  awardApprovals,
  enterprises,
  programs,
  publicityLists,
} from '../schema';

type Db = Orm | Tx;
export type AwardApprovalRow = typeof awardApprovals.$inferSelect;

/** Locks the program for this transaction: approvals of its calls take turns. */
export async function lockProgram(tx: Tx, programId: string) {
  const [row] = await tx.select().from(programs).where(eq(programs.id, programId)).for('update');
  return row;
}

/** The sum approved so far under the program, in fen. */
export async function approvedTotalOfProgram(db: Db, programId: string): Promise<bigint> {
  const [row] = await db
    .select({ total: sum(awardApprovals.approvedFen) })
    .from(awardApprovals)
    .where(eq(awardApprovals.programId, programId));
  return BigInt(row?.total ?? 0);
}

export async function insertApprovals(tx: Tx, rows: AwardApprovalRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(awardApprovals).values(rows);
}

export async function approvalsOf(db: Db, applicationIds: readonly string[]): Promise<AwardApprovalRow[]> {
  if (applicationIds.length === 0) return [];
  return db
    .select()
    .from(awardApprovals)
    .where(inArray(awardApprovals.applicationId, [...applicationIds]));
}

/** Of `applicationIds`, those the user took a review decision on (intake: pass, return, reject). */
export async function reviewedBy(
  db: Db,
  userId: string,
  applicationIds: readonly string[],
): Promise<string[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ applicationId: applicationStatusChanges.applicationId })
    .from(applicationStatusChanges)
    .where(
      and(
        eq(applicationStatusChanges.actorId, userId),
        inArray(applicationStatusChanges.applicationId, [...applicationIds]),
        inArray(applicationStatusChanges.action, ['pass_intake', 'return', 'reject']),
      ),
    );
  return rows.map((r) => r.applicationId);
}

/** The call's approved awards, largest first: enterprise, amount and the publicity period of the approved list. */
export async function approvedAwardsOfCall(db: Db, callId: string) {
  return db
    .select({
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      clause: applications.clause,
      approvedFen: awardApprovals.approvedFen,
      adjustmentReason: awardApprovals.adjustmentReason,
      approvedAt: awardApprovals.approvedAt,
      list: {
        seq: publicityLists.seq,
        startsOn: publicityLists.startsOn,
        endsOn: publicityLists.endsOn,
        periodDays: publicityLists.periodDays,
        periodKind: publicityLists.periodKind,
      },
    })
    .from(awardApprovals)
    .innerJoin(applications, eq(applications.id, awardApprovals.applicationId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .innerJoin(publicityLists, eq(publicityLists.id, awardApprovals.listId))
    .where(eq(applications.callId, callId))
    .orderBy(desc(awardApprovals.approvedFen), enterprises.uscc);
}
