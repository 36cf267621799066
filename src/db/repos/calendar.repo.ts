// The official working-day calendar (工作日): one current row per year and the history of every version.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { YearSchedule } from '../../core/calendar/calendar';
import type { Orm, Tx } from '../client';
import { calendarYears, calendarYearVersions } from '../schema';

type Db = Orm | Tx;
export type CalendarYearRow = typeof calendarYears.$inferSelect;
export type CalendarYearVersionRow = typeof calendarYearVersions.$inferSelect;

export interface CalendarWrite {
  schedule: YearSchedule;
  /** The administrator who wrote it; null for the official data loaded at start and for the CLI. */
  updatedBy: string | null;
  now: Date;
}

export async function listCalendarYears(db: Db): Promise<CalendarYearRow[]> {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

/** The current row of a year, locked until the transaction ends so two corrections apply one after the other. */
export async function findCalendarYearForUpdate(tx: Tx, year: number): Promise<CalendarYearRow | undefined> {
  const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.year, year)).for('update');
  return row;
}

export async function listCalendarYearVersions(db: Db, year: number): Promise<CalendarYearVersionRow[]> {
  return db
    .select()
    .from(calendarYearVersions)
    .where(eq(calendarYearVersions.year, year))
    .orderBy(asc(calendarYearVersions.version));
}

/** Which of these years have data. */
export async function existingCalendarYears(db: Db, years: number[]): Promise<Set<number>> {
  if (years.length === 0) return new Set();
  const rows = await db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .where(inArray(calendarYears.year, years));
  return new Set(rows.map((r) => r.year));
}

/** Every stored year as the core's schedules, in year order: what a WorkdayCalendar is built from. */
export async function calendarSchedules(db: Db): Promise<YearSchedule[]> {
  return (await listCalendarYears(db)).map(({ year, source, holidays, makeupWorkdays }) => ({
    year,
    source,
    holidays,
    makeupWorkdays,
  }));
}

function versionRow(write: CalendarWrite, version: number) {
  const { year, source, holidays, makeupWorkdays } = write.schedule;
  return {
    year,
    version,
    source,
    holidays,
    makeupWorkdays,
    createdBy: write.updatedBy,
    createdAt: write.now,
  };
}

/**
 * Stores version 1 of a year unless the year already has data (another instance may be starting at the same
 * moment: ON CONFLICT makes that a no-op, not an error). True when this call inserted it.
 */
export async function insertCalendarYearIfMissing(tx: Tx, write: CalendarWrite): Promise<boolean> {
  const { year, source, holidays, makeupWorkdays } = write.schedule;
  const inserted = await tx
    .insert(calendarYears)
    .values({
      year,
      source,
      holidays,
      makeupWorkdays,
      version: 1,
      updatedBy: write.updatedBy,
      updatedAt: write.now,
    })
    .onConflictDoNothing()
    .returning({ year: calendarYears.year });
  if (inserted.length === 0) return false;
  await tx.insert(calendarYearVersions).values(versionRow(write, 1));
  return true;
}

/**
 * Makes the schedule the year's next version (1 for a new year) and appends it to the history. The upsert
 * takes the row lock, so concurrent writers get consecutive versions, never the same number.
 */
export async function saveCalendarYearVersion(tx: Tx, write: CalendarWrite): Promise<CalendarYearRow> {
  const { year, source, holidays, makeupWorkdays } = write.schedule;
  const [row] = await tx
    .insert(calendarYears)
    .values({
      year,
      source,
      holidays,
      makeupWorkdays,
      version: 1,
      updatedBy: write.updatedBy,
      updatedAt: write.now,
    })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: {
        source: sql`excluded.source`,
        holidays: sql`excluded.holidays`,
        makeupWorkdays: sql`excluded.makeup_workdays`,
        version: sql`${calendarYears.version} + 1`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
      },
    })
    .returning();
  if (!row) throw new Error('upsert into calendar_years returned no row');
  await tx.insert(calendarYearVersions).values(versionRow(write, row.version));
  return row;
}
