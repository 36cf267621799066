// The working-day calendar as stored now, for every feature that counts 工作日 (deadlines, 公示 periods).
import { type PeriodKind, WorkdayCalendar } from '../../core/calendar/calendar';
import type { Orm, Tx } from '../../db/client';
import { calendarSchedules } from '../../db/repos/calendar.repo';

/** A WorkdayCalendar over the stored years; a date in a year without data answers CALENDAR_YEAR_MISSING. */
export async function loadWorkdayCalendar(db: Orm | Tx): Promise<WorkdayCalendar> {
  return new WorkdayCalendar(await calendarSchedules(db));
}

/**
 * start + n days of the kind: for 'workdays' the n-th working day after start (start itself not counted,
 * n = 0 is start); for 'calendar_days' start + n, which needs no holiday data.
 */
export async function addDays(
  db: Orm | Tx,
  query: { start: string; n: number; kind: PeriodKind },
): Promise<{ end: string }> {
  const calendar = await loadWorkdayCalendar(db);
  const end =
    query.kind === 'workdays'
      ? calendar.addWorkdays(query.start, query.n)
      : calendar.addCalendarDays(query.start, query.n);
  return { end };
}
