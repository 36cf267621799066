// Applications (申报) and their status changes. The use cases decide; this file only reads and writes rows.
import { and, desc, eq, gt, inArray, isNotNull, max, sql } from 'drizzle-orm';
import {
  type ApplicationAction,
  type ApplicationStatus,
  notifiesApplicant,
} from '../../shared/application-workflow';
import type { MaterialRequirements } from '../../shared/materials';
import type { Orm, Tx } from '../client';
import {
  applicationStatusChanges,
  applications,
  calls,
  enterprises,
  inboxMessages,
  programRuleVersions,
  programs,
} from '../schema';

type Db = Orm | Tx;
export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationStatusChangeRow = typeof applicationStatusChanges.$inferSelect;

/** An application with what its pages show beside it: its call, program and enterprise. */
export interface ApplicationView extends ApplicationRow {
  callCode: string;
  callTitle: string;
  callOpensAt: Date;
  callClosesAt: Date;
  callMaterials: MaterialRequirements;
  programCode: string;
  programName: string;
  /** The department whose program it is: staff of that department reach it. */
  departmentId: string;
  enterpriseName: string;
  /** The reason given with the latest status change (a return for correction, a rejection), if any. */
  lastReason: string | null;
}

const viewColumns = {
  application: applications,
  callCode: calls.code,
  callTitle: calls.title,
  callOpensAt: calls.opensAt,
  callClosesAt: calls.closesAt,
  callMaterials: calls.materials,
  programCode: programs.code,
  programName: programs.name,
  departmentId: programs.departmentId,
  enterpriseName: enterprises.name,
  lastReason: sql<string | null>`(SELECT c.reason FROM application_status_changes c
    WHERE c.application_id = ${applications.id} ORDER BY c.seq DESC LIMIT 1)`,
};

function views(db: Db) {
  return db
    .select(viewColumns)
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programs, eq(programs.id, calls.programId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .$dynamic();
}

const toView = ({ application, ...rest }: Awaited<ReturnType<typeof views>>[number]): ApplicationView => ({
  ...application,
  ...rest,
});

export async function findApplicationView(db: Db, id: string): Promise<ApplicationView | undefined> {
  const [row] = await views(db).where(eq(applications.id, id));
  return row && toView(row);
}

/** An enterprise's applications, newest first. */
export async function listEnterpriseApplications(db: Db, enterpriseId: string): Promise<ApplicationView[]> {
  const rows = await views(db)
    .where(eq(applications.enterpriseId, enterpriseId))
    .orderBy(desc(applications.createdAt), desc(applications.id));
  return rows.map(toView);
}

/** The views of the applications with these ids, in no particular order. */
export async function applicationViewsByIds(db: Db, ids: readonly string[]): Promise<ApplicationView[]> {
  if (ids.length === 0) return [];
  return (await views(db).where(inArray(applications.id, [...ids]))).map(toView);
}

/** The department of an application's program. */
export async function departmentOfApplication(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ departmentId: programs.departmentId })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(eq(applications.id, id));
  return row?.departmentId;
}

/** The row locked for this transaction: concurrent changes of one application take turns. */
export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

export async function insertApplication(
  tx: Tx,
  row: Pick<ApplicationRow, 'callId' | 'enterpriseId' | 'clause' | 'createdBy' | 'createdAt'>,
): Promise<ApplicationRow> {
  const [created] = await tx
    .insert(applications)
    .values({ ...row, status: 'draft', declared: {}, updatedAt: row.createdAt })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new ApplicationExists();
  return created;
}

/** Another live application of the same enterprise, call and clause holds the place (the unique index). */
export class ApplicationExists extends Error {}

export async function findLiveApplication(
  db: Db,
  key: { callId: string; enterpriseId: string; clause: string },
): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(applications)
    .where(
      and(
        eq(applications.callId, key.callId),
        eq(applications.enterpriseId, key.enterpriseId),
        eq(applications.clause, key.clause),
        sql`${applications.status} <> 'withdrawn'`,
      ),
    );
  return row;
}

export async function updateDeclared(
  tx: Tx,
  id: string,
  declared: Record<string, string>,
  now: Date,
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set({ declared, updatedAt: now, version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id))
    .returning();
  if (!row) throw new Error(`application ${id} vanished inside its own transaction`);
  return row;
}

/** Records the signed commitment; the version rises, so a form filled before signing is refused as stale. */
export async function signCommitment(
  tx: Tx,
  id: string,
  commitment: { text: string; signerName: string; signedBy: string; at: Date },
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(applications)
    .set({
      commitmentText: commitment.text,
      commitmentSignerName: commitment.signerName,
      commitmentSignedBy: commitment.signedBy,
      commitmentSignedAt: commitment.at,
      updatedAt: commitment.at,
      version: sql`${applications.version} + 1`,
    })
    .where(eq(applications.id, id))
    .returning();
  if (!row) throw new Error(`application ${id} vanished inside its own transaction`);
  return row;
}

/**
 * Moves the application to `to` and appends the change to its history — and to the enterprise's inbox when the
 * workflow table says the applicant is told — in the caller's transaction.
 */
export async function changeStatus(
  tx: Tx,
  application: ApplicationRow,
  change: {
    action: ApplicationAction;
    to: ApplicationStatus;
    actorId: string | null;
    at: Date;
    reason?: string;
  },
): Promise<ApplicationRow> {
  const [last] = await tx
    .select({ seq: max(applicationStatusChanges.seq) })
    .from(applicationStatusChanges)
    .where(eq(applicationStatusChanges.applicationId, application.id));
  await tx.insert(applicationStatusChanges).values({
    applicationId: application.id,
    seq: (last?.seq ?? 0) + 1,
    action: change.action,
    fromStatus: application.status,
    toStatus: change.to,
    actorId: change.actorId,
    at: change.at,
    reason: change.reason ?? null,
  });
  const [row] = await tx
    .update(applications)
    .set({
      status: change.to,
      updatedAt: change.at,
      version: sql`${applications.version} + 1`,
      ...(change.to === 'submitted' ? { submittedAt: change.at } : {}),
    })
    .where(eq(applications.id, application.id))
    .returning();
  if (!row) throw new Error(`application ${application.id} vanished inside its own transaction`);
  // The enterprise's inbox learns of the change in the change's own transaction.
  if (notifiesApplicant(change.action)) {
    await tx.insert(inboxMessages).values({
      enterpriseId: application.enterpriseId,
      applicationId: application.id,
      action: change.action,
      toStatus: change.to,
      reason: change.reason ?? null,
      createdAt: change.at,
    });
  }
  return row;
}

export async function statusChanges(db: Db, applicationId: string): Promise<ApplicationStatusChangeRow[]> {
  return db
    .select()
    .from(applicationStatusChanges)
    .where(eq(applicationStatusChanges.applicationId, applicationId))
    .orderBy(applicationStatusChanges.seq);
}

/** Calls with their program and its current rule definition (null before rules are imported). */
function callsWithRules(db: Db) {
  return db
    .select({
      id: calls.id,
      code: calls.code,
      title: calls.title,
      status: calls.status,
      opensAt: calls.opensAt,
      closesAt: calls.closesAt,
      materials: calls.materials,
      programCode: programs.code,
      programName: programs.name,
      definition: programRuleVersions.definition,
    })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .leftJoin(programRuleVersions, eq(programRuleVersions.id, programs.currentRuleVersionId))
    .$dynamic();
}

export interface CallClause {
  id: string;
  citation: string;
  summary: string;
}

export type CallWithClauses = Omit<Awaited<ReturnType<typeof callsWithRules>>[number], 'definition'> & {
  clauses: CallClause[];
};

function withClauses({
  definition,
  ...call
}: Awaited<ReturnType<typeof callsWithRules>>[number]): CallWithClauses {
  const clauses = (definition as { clauses?: CallClause[] } | null)?.clauses ?? [];
  return { ...call, clauses: clauses.map(({ id, citation, summary }) => ({ id, citation, summary })) };
}

/** A call with what applying to it needs: its window, status and the clauses of its program's current rules. */
export async function findCallForApplying(db: Db, callId: string): Promise<CallWithClauses | undefined> {
  const [row] = await callsWithRules(db).where(eq(calls.id, callId));
  return row && withClauses(row);
}

/** Calls marked open whose window has not closed at `now`, and whose program has rules to apply under. */
export async function listOpenCalls(db: Db, now: Date): Promise<CallWithClauses[]> {
  const rows = await callsWithRules(db)
    .where(and(eq(calls.status, 'open'), gt(calls.closesAt, now), isNotNull(programs.currentRuleVersionId)))
    .orderBy(calls.closesAt);
  return rows.map(withClauses);
}
