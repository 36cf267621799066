// Region totals of the statistics registry: the city and its districts per year, for shares and ranks.
import { and, asc, eq } from 'drizzle-orm';
import type { Orm, Tx } from '../client';
import { regionStats } from '../schema';
import { insertInChunks } from './bulk';

type Db = Orm | Tx;
export type RegionStatsRow = typeof regionStats.$inferSelect;

export async function insertRegionStats(db: Db, rows: RegionStatsRow[]): Promise<void> {
  await insertInChunks(db, regionStats, rows);
}

/** A city's row and its districts' rows for one year, city first. */
export async function regionStatsForCity(db: Db, cityCode: string, year: number): Promise<RegionStatsRow[]> {
  const city = await db
    .select()
    .from(regionStats)
    .where(and(eq(regionStats.regionCode, cityCode), eq(regionStats.year, year)));
  const districts = await db
    .select()
    .from(regionStats)
    .where(and(eq(regionStats.parentCode, cityCode), eq(regionStats.year, year)))
    .orderBy(asc(regionStats.regionCode));
  return [...city, ...districts];
}

export async function regionStatsHistory(db: Db, regionCode: string): Promise<RegionStatsRow[]> {
  return db
    .select()
    .from(regionStats)
    .where(eq(regionStats.regionCode, regionCode))
    .orderBy(asc(regionStats.year));
}
