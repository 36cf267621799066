// Departments (主管部门): the bureaus that run programs, with the region they serve.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { departments } from '../schema';

type Db = Orm | Tx;
export type DepartmentRow = typeof departments.$inferSelect;
export type NewDepartment = Omit<typeof departments.$inferInsert, 'id'>;

export async function listDepartments(db: Db): Promise<DepartmentRow[]> {
  return db.select().from(departments).orderBy(asc(departments.code));
}

export async function findDepartmentById(db: Db, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  return row;
}

export async function findDepartmentByCode(db: Db, code: string): Promise<DepartmentRow | undefined> {
  const [row] = await db.select().from(departments).where(eq(departments.code, code));
  return row;
}

/** The departments among `ids` that exist (an unknown id is simply absent). */
export async function findDepartmentsByIds(db: Db, ids: readonly string[]): Promise<DepartmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(departments)
    .where(inArray(departments.id, [...ids]))
    .orderBy(asc(departments.code));
}

/** The departments among `codes` that exist (an unknown code is simply absent). */
export async function findDepartmentsByCodes(db: Db, codes: readonly string[]): Promise<DepartmentRow[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(departments)
    .where(inArray(departments.code, [...codes]))
    .orderBy(asc(departments.code));
}

export async function insertDepartment(db: Db, input: NewDepartment): Promise<DepartmentRow> {
  const [row] = await db.insert(departments).values(input).returning();
  if (!row) throw new Error('insert into departments returned no row');
  return row;
}
