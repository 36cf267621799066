// Which departments a staff user works for.
import { eq } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { staffDepartments } from '../schema';

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

export async function departmentsOf(db: Tx | Orm, userId: string): Promise<string[]> {
  const rows = await db
    .select({ departmentId: staffDepartments.departmentId })
    .from(staffDepartments)
    .where(eq(staffDepartments.userId, userId));
  return rows.map((r) => r.departmentId);
}
