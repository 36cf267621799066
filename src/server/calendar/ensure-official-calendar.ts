// Reference data, loaded on every start (production included, demo or not): each year of the State Council's
// schedules that the database lacks is inserted as version 1 with one audit event. A year already present is
// left alone — it may hold an administrator's correction, which the shipped data must never overwrite.
import { OFFICIAL_SCHEDULES, type YearSchedule } from '../../core/calendar/calendar';
import { recordAudit } from '../../db/audit';
import { existingCalendarYears, insertCalendarYearIfMissing } from '../../db/repos/calendar.repo';
import { SYSTEM } from '../../shared/actor';
import type { UseCaseContext } from '../use-case';
import { calendarSnapshot } from './set-calendar-year';

/** Inserts the official years that are missing; answers the years it inserted (none on a usual start). */
export async function ensureOfficialCalendar(
  ctx: Pick<UseCaseContext, 'db' | 'clock' | 'auditKey'>,
  schedules: readonly YearSchedule[] = OFFICIAL_SCHEDULES,
): Promise<{ inserted: number[] }> {
  const { db } = ctx;
  const now = ctx.clock();
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
      await recordAudit(
        tx,
        { actor: SYSTEM, at: now, key: ctx.auditKey },
        {
          action: 'calendar.official_loaded',
          entityId: String(schedule.year),
          stream: `calendar:${schedule.year}`,
          after: calendarSnapshot({ ...schedule, version: 1 }),
        },
      );
      inserted.push(schedule.year);
    }
    return { inserted };
  });
}
