// Which departments a staff user works for.
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { staffDepartments, users } from '../schema';

/**
 * A column for a select from `users`: the ids of the departments the user works for, as a JSON array sorted
 * by id (empty for none). The session read carries it, so a request knows its user's departments without a
 * query of its own.
 */
export const departmentIdsColumn = sql<string[]>`(
  SELECT coalesce(json_agg(${staffDepartments.departmentId} ORDER BY ${staffDepartments.departmentId}), '[]'::json)
  FROM ${staffDepartments} WHERE ${staffDepartments.userId} = ${users.id})`;

export async function assignDepartments(
  tx: Tx | Orm,
  userId: string,
  departmentIds: readonly string[],
): Promise<void> {
  if (departmentIds.length === 0) return;
  await tx
    .insert(staffDepartments)
    .values(departmentIds.map((departmentId) => ({ userId, departmentId })))
    .onConflictDoNothing();
}

/** Makes `departmentIds` the user's whole set: the others are removed, the missing ones added. */
export async function replaceDepartments(
  tx: Tx,
  userId: string,
  departmentIds: readonly string[],
): Promise<void> {
  await tx
    .delete(staffDepartments)
    .where(
      and(
        eq(staffDepartments.userId, userId),
        departmentIds.length > 0 ? notInArray(staffDepartments.departmentId, [...departmentIds]) : undefined,
      ),
    );
  await assignDepartments(tx, userId, departmentIds);
}

/** The user's department ids, sorted. */
export async function departmentsOf(db: Tx | Orm, userId: string): Promise<string[]> {
  const rows = await db
    .select({ departmentId: staffDepartments.departmentId })
    .from(staffDepartments)
    .where(eq(staffDepartments.userId, userId))
    .orderBy(staffDepartments.departmentId);
  return rows.map((r) => r.departmentId);
}
