// Award calculations and their awards, and what a calculation reads: the call with its program and rules, the
// applications ready for it with their enterprises, and those enterprises' registry statistics.
import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { ApplicationStatus } from '../../shared/application-workflow';
import type { Orm, Tx } from '../client';
import {
  applications,
  awardCalculations,
  awards,
  calls,
  enterpriseStats,
  enterprises,
  programRuleVersions,
  programs,
} from '../schema';

type Db = Orm | Tx;
export type AwardCalculationRow = typeof awardCalculations.$inferSelect;
export type AwardRow = typeof awards.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseStatsRow = typeof enterpriseStats.$inferSelect;

/** The call locked for this transaction, with its program and the program's current rules. */
export async function lockCallForCalculation(tx: Tx, callId: string) {
  const [row] = await tx
    .select({
      call: calls,
      program: programs,
      ruleVersionId: programRuleVersions.id,
      ruleVersion: programRuleVersions.version,
      definition: programRuleVersions.definition,
    })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .leftJoin(programRuleVersions, eq(programRuleVersions.id, programs.currentRuleVersionId))
    .where(eq(calls.id, callId))
    .for('update', { of: calls });
  return row;
}

export type CallForCalculation = NonNullable<Awaited<ReturnType<typeof lockCallForCalculation>>>;

/** How many of the call's applications stand at each status. */
export async function statusCounts(
  db: Db,
  callId: string,
): Promise<Partial<Record<ApplicationStatus, number>>> {
  const rows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(eq(applications.callId, callId))
    .groupBy(applications.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** The call's applications in `statuses`, locked, each with its enterprise. */
export async function lockApplicationsWithEnterprises(
  tx: Tx,
  callId: string,
  statuses: readonly ApplicationStatus[],
) {
  return tx
    .select({ application: applications, enterprise: enterprises })
    .from(applications)
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(and(eq(applications.callId, callId), inArray(applications.status, [...statuses])))
    .orderBy(applications.id)
    .for('update', { of: applications });
}

export async function statsOf(db: Db, enterpriseIds: readonly string[]): Promise<EnterpriseStatsRow[]> {
  if (enterpriseIds.length === 0) return [];
  return db
    .select()
    .from(enterpriseStats)
    .where(inArray(enterpriseStats.enterpriseId, [...enterpriseIds]));
}

export async function insertCalculation(
  tx: Tx,
  row: Omit<AwardCalculationRow, 'id' | 'seq'>,
  rows: Omit<AwardRow, 'calculationId'>[],
): Promise<AwardCalculationRow> {
  const [last] = await tx
    .select({ seq: max(awardCalculations.seq) })
    .from(awardCalculations)
    .where(eq(awardCalculations.callId, row.callId));
  const [calculation] = await tx
    .insert(awardCalculations)
    .values({ ...row, seq: (last?.seq ?? 0) + 1 })
    .returning();
  if (!calculation) throw new Error('insert returned no row');
  if (rows.length > 0) {
    await tx.insert(awards).values(rows.map((award) => ({ ...award, calculationId: calculation.id })));
  }
  return calculation;
}

/** The call's latest calculation with its awards, the enterprise and clause of each. */
export async function latestCalculation(db: Db, callId: string) {
  const [calculation] = await db
    .select({ calculation: awardCalculations, ruleVersion: programRuleVersions.version })
    .from(awardCalculations)
    .innerJoin(programRuleVersions, eq(programRuleVersions.id, awardCalculations.ruleVersionId))
    .where(eq(awardCalculations.callId, callId))
    .orderBy(desc(awardCalculations.seq))
    .limit(1);
  if (!calculation) return undefined;
  const rows = await db
    .select({
      award: awards,
      status: applications.status,
      clause: applications.clause,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
    })
    .from(awards)
    .innerJoin(applications, eq(applications.id, awards.applicationId))
    .innerJoin(enterprises, eq(enterprises.id, applications.enterpriseId))
    .where(eq(awards.calculationId, calculation.calculation.id))
    .orderBy(desc(awards.allocatedFen), enterprises.uscc);
  return { ...calculation, awards: rows };
}

/** The department whose program the call is under, for reaching the call's awards. */
export async function departmentOfCall(db: Db, callId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ departmentId: programs.departmentId })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(eq(calls.id, callId));
  return row?.departmentId;
}

export async function findCallIdByCode(db: Db, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: calls.id }).from(calls).where(eq(calls.code, code));
  return row?.id;
}
