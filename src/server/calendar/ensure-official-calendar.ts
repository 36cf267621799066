// Reference data, loaded on every start (production included, demo or not): each year of the State Council's
// schedules that the database lacks is inserted as version 1 with one audit event. A year already present is
// left alone — it may hold an administrator's correction, which the shipped data must never overwrite.
import { OFFICIAL_SCHEDULES, type YearSchedule } from '../../core/calendar/calendar';
import { recordAudit } from '../../db/audit';
import type { Database } from '../../db/client';
import { existingCalendarYears, insertCalendarYearIfMissing } from '../../db/repos/calendar.repo';
import { calendarSnapshot } from './set-calendar-year';

/** Inserts the official years that are missing; answers the years it inserted (none on a usual start). */
export async function ensureOfficialCalendar(
  db: Database,
  now: Date,
  schedules: readonly YearSchedule[] = OFFICIAL_SCHEDULES,
): Promise<{ inserted: number[] }> {
  const present = await existingCalendarYears(
    db.orm,
    schedules.map((s) => s.year),
  );
  const missing = schedules.filter((s) => !present.has(s.year));
  if (missing.length === 0) return { inserted: [] };
  return db.orm.transaction(async (tx) => {
    const inserted: number[] = [];
    for (const schedule of missing) {
      if (!(await insertCalendarYearIfMissing(tx, { schedule, updatedBy: null, now }))) continue;
      await recordAudit(tx, {
        action: 'calendar.official_loaded',
        entityType: 'calendar_year',
        entityId: String(schedule.year),
        stream: `calendar:${schedule.year}`,
        actorRole: 'system',
        after: calendarSnapshot({ ...schedule, version: 1 }),
        at: now,
      });
      inserted.push(schedule.year);
    }
    return { inserted };
  });
}
