// Enterprises (企业) and their statistics registry figures (统计登记), per year.
import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { enterpriseStats, enterprises } from '../schema';
import { INSERT_CHUNK_ROWS, insertInChunks } from './bulk';

type Db = Orm | Tx;
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterprise = Omit<typeof enterprises.$inferInsert, 'id'>;
export type EnterpriseStatsRow = typeof enterpriseStats.$inferSelect;

export interface EnterpriseQuery {
  /** Matches the name or the start of the USCC, case-insensitively. */
  search?: string;
  district?: string;
  industryCluster?: string;
  limit: number;
  offset: number;
}

export async function findEnterpriseById(db: Db, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
}

export async function findEnterpriseByUscc(db: Db, uscc: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.uscc, uscc.toUpperCase()));
  return row;
}

/** Escapes LIKE wildcards so a user's '%' or '_' is matched literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listEnterprises(
  db: Db,
  query: EnterpriseQuery,
): Promise<{ items: EnterpriseRow[]; total: number }> {
  const conditions: SQL[] = [];
  const search = query.search?.trim();
  if (search) {
    const literal = likeLiteral(search);
    const match = or(ilike(enterprises.name, `%${literal}%`), ilike(enterprises.uscc, `${literal}%`));
    if (match) conditions.push(match);
  }
  if (query.district) conditions.push(eq(enterprises.district, query.district));
  if (query.industryCluster) conditions.push(eq(enterprises.industryCluster, query.industryCluster));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const items = await db
    .select()
    .from(enterprises)
    .where(where)
    .orderBy(asc(enterprises.name), asc(enterprises.id))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await db.select({ total: count() }).from(enterprises).where(where);
  return { items, total: counted?.total ?? 0 };
}

export async function insertEnterprise(db: Db, input: NewEnterprise): Promise<EnterpriseRow> {
  const [row] = await db.insert(enterprises).values(input).returning();
  if (!row) throw new Error('insert into enterprises returned no row');
  return row;
}

/** Inserts many enterprises in chunks and returns the id of each USCC. */
export async function insertEnterprises(db: Db, input: NewEnterprise[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let start = 0; start < input.length; start += INSERT_CHUNK_ROWS) {
    const rows = await db
      .insert(enterprises)
      .values(input.slice(start, start + INSERT_CHUNK_ROWS))
      .returning({ id: enterprises.id, uscc: enterprises.uscc });
    for (const row of rows) ids.set(row.uscc, row.id);
  }
  return ids;
}

export async function statsByEnterprise(db: Db, enterpriseId: string): Promise<EnterpriseStatsRow[]> {
  return db
    .select()
    .from(enterpriseStats)
    .where(eq(enterpriseStats.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseStats.year));
}

export async function insertEnterpriseStats(db: Db, rows: EnterpriseStatsRow[]): Promise<void> {
  await insertInChunks(db, enterpriseStats, rows);
}
