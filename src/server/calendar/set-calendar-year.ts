// An administrator adds a year or corrects one (录入/更正节假日安排): the schedule is checked whole, then
// stored as the year's next version with its audit event (before/after) in the same transaction. Sending the
// schedule already current changes nothing (a double click, or a CLI script run twice).
import type { YearSchedule } from '../../core/calendar/calendar';
import {
  type CalendarYearRow,
  findCalendarYearForUpdate,
  saveCalendarYearVersion,
} from '../../db/repos/calendar.repo';
import { audit, transact, type UseCaseContext } from '../use-case';
import { requireValidSchedule } from './check-year-schedule';

export interface SetCalendarYearResult {
  row: CalendarYearRow;
  /** False when the schedule was already the current version. */
  changed: boolean;
}

/** The audited picture of a version: everything that decides a working day, and its number. */
export function calendarSnapshot(s: YearSchedule & { version: number }) {
  return { version: s.version, source: s.source, holidays: s.holidays, makeupWorkdays: s.makeupWorkdays };
}

function sameSchedule(row: CalendarYearRow, schedule: YearSchedule): boolean {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((d, i) => d === b[i]);
  return (
    row.source === schedule.source &&
    same(row.holidays, schedule.holidays) &&
    same(row.makeupWorkdays, schedule.makeupWorkdays)
  );
}

export async function setCalendarYear(
  ctx: UseCaseContext,
  input: YearSchedule,
): Promise<SetCalendarYearResult> {
  const schedule = requireValidSchedule(input);
  const now = ctx.clock();
  const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  return transact(ctx, async (tx) => {
    const current = await findCalendarYearForUpdate(tx, schedule.year);
    if (current && sameSchedule(current, schedule)) return { row: current, changed: false };
    const row = await saveCalendarYearVersion(tx, { schedule, updatedBy, now });
    await audit(tx, ctx, now, {
      action: 'calendar.year_set',
      entityId: String(schedule.year),
      stream: `calendar:${schedule.year}`,
      before: current ? calendarSnapshot(current) : null,
      after: calendarSnapshot(row),
    });
    return { row, changed: true };
  });
}
