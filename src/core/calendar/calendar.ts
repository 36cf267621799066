// Working days (工作日) on the official calendar: a day is a working day when it is a make-up working day
// (调休上班), else when it is not a listed holiday and not a Saturday or Sunday. Years without a schedule are
// refused (CALENDAR_YEAR_MISSING) rather than guessed: a publicity period computed on a wrong calendar would
// end on the wrong day. All arithmetic is on UTC day numbers; dates are 'YYYY-MM-DD' strings.
import { AppError } from '../../shared/errors';

export { OFFICIAL_SCHEDULES } from './holidays';

export interface YearSchedule {
  year: number;
  /** The notice (or notices) the dates come from, e.g. 国办发明电〔2022〕16号. */
  source: string;
  holidays: string[];
  makeupWorkdays: string[];
}

export type PeriodKind = 'workdays' | 'calendar_days';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD', else DATE_INVALID. */
export function dayNumber(date: string): number {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (match) {
    const [, y = '', m = '', d = ''] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    // Date.UTC rolls 02-30 over to 03-02 and maps years 0–99 to 1900–1999; the round trip catches both.
    if (Number(y) >= 1 && toDateString(ms / DAY_MS) === date) return ms / DAY_MS;
  }
  throw new AppError('DATE_INVALID', 'validation', { value: String(date).slice(0, 32) });
}

function toDateString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

function isWeekend(day: number): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function invalidSchedule(year: unknown, reason: string, date?: string): AppError {
  return new AppError('CALENDAR_SCHEDULE_INVALID', 'validation', {
    year: String(year),
    reason,
    date: date ?? '',
  });
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new AppError('CALENDAR_COUNT_INVALID', 'validation', { value: n });
}

/**
 * Checks one year's data: valid dates inside that year, no date both a holiday and a make-up day, and every
 * make-up working day on a weekend (a weekday is a working day already; listing one is a typing error).
 */
export function validateYearSchedule(schedule: YearSchedule): void {
  const { year } = schedule;
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999) throw invalidSchedule(year, 'year');
  if (typeof schedule.source !== 'string' || schedule.source.trim() === '')
    throw invalidSchedule(year, 'source');
  const holidays = new Set<string>();
  for (const date of schedule.holidays) {
    if (yearOf(dayNumber(date)) !== year) throw invalidSchedule(year, 'outside_year', date);
    holidays.add(date);
  }
  for (const date of schedule.makeupWorkdays) {
    const day = dayNumber(date);
    if (yearOf(day) !== year) throw invalidSchedule(year, 'outside_year', date);
    if (holidays.has(date)) throw invalidSchedule(year, 'both_holiday_and_workday', date);
    if (!isWeekend(day)) throw invalidSchedule(year, 'makeup_not_weekend', date);
  }
}

/** The official-calendar working-day arithmetic used for deadlines and 公示 periods. */
export class WorkdayCalendar {
  private readonly years = new Set<number>();
  private readonly holidays = new Set<number>();
  private readonly makeupWorkdays = new Set<number>();

  constructor(years: YearSchedule[]) {
    for (const schedule of years) {
      validateYearSchedule(schedule);
      if (this.years.has(schedule.year)) throw invalidSchedule(schedule.year, 'duplicate_year');
      this.years.add(schedule.year);
      for (const date of schedule.holidays) this.holidays.add(dayNumber(date));
      for (const date of schedule.makeupWorkdays) this.makeupWorkdays.add(dayNumber(date));
    }
  }

  hasYear(y: number): boolean {
    return this.years.has(y);
  }

  private isWorkdayNumber(day: number): boolean {
    const year = yearOf(day);
    if (!this.years.has(year)) throw new AppError('CALENDAR_YEAR_MISSING', 'unprocessable', { year });
    if (this.makeupWorkdays.has(day)) return true;
    return !this.holidays.has(day) && !isWeekend(day);
  }

  /** True on a working day; CALENDAR_YEAR_MISSING for a year without data — never a guess. */
  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(dayNumber(date));
  }

  /**
   * The n-th working day after start. The start day is NOT counted (exclusive), whether or not it is a
   * working day; n = 0 returns start itself. "Reply within 5 working days of 2023-09-28" is addWorkdays(…, 5).
   */
  addWorkdays(start: string, n: number): string {
    assertCount(n);
    let day = dayNumber(start);
    let remaining = n;
    while (remaining > 0) {
      day += 1;
      if (this.isWorkdayNumber(day)) remaining -= 1;
    }
    return toDateString(day);
  }

  /** start + n calendar days (n may be negative); needs no holiday data. */
  addCalendarDays(start: string, n: number): string {
    if (!Number.isSafeInteger(n)) throw new AppError('CALENDAR_COUNT_INVALID', 'validation', { value: n });
    const day = dayNumber(start) + n;
    const year = yearOf(day);
    if (year < 1 || year > 9999)
      throw new AppError('DATE_INVALID', 'validation', { value: `${start} + ${n}` });
    return toDateString(day);
  }

  /**
   * Last day of an inclusive period of n days that starts ON start (公示期 "自 start 起 n 个工作日"): day 1 is
   * start itself if it counts (a working day for 'workdays'; always for 'calendar_days'). n ≥ 1.
   */
  publicityEnd(start: string, n: number, kind: PeriodKind): string {
    assertCount(n);
    if (n === 0) throw new AppError('CALENDAR_COUNT_INVALID', 'validation', { value: n });
    if (kind === 'calendar_days') return this.addCalendarDays(start, n - 1);
    return this.addWorkdays(this.addCalendarDays(start, -1), n);
  }

  /**
   * Working days d with a < d ≤ b (negative, counted the same way, when b < a). It inverts addWorkdays:
   * workdaysBetween(a, addWorkdays(a, n)) = n.
   */
  workdaysBetween(a: string, b: string): number {
    const from = dayNumber(a);
    const to = dayNumber(b);
    const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = low + 1; day <= high; day += 1) {
      if (this.isWorkdayNumber(day)) count += 1;
    }
    // Avoid -0, which would make an equality check on the result fail for an empty span.
    return count === 0 ? 0 : sign * count;
  }
}

/** The schedules with one year added or replaced (an administrator's correction), in year order. */
export function withYear(years: YearSchedule[], replacement: YearSchedule): YearSchedule[] {
  validateYearSchedule(replacement);
  return [...years.filter((y) => y.year !== replacement.year), replacement].sort((a, b) => a.year - b.year);
}
