import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../shared/error-of';
import {
  dayNumber,
  OFFICIAL_SCHEDULES,
  validateYearSchedule,
  WorkdayCalendar,
  withYear,
  type YearSchedule,
} from './calendar';

const calendar = new WorkdayCalendar(OFFICIAL_SCHEDULES);

describe('official schedules', () => {
  it('covers 2020–2026, each year with its notice', () => {
    expect(OFFICIAL_SCHEDULES.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const s of OFFICIAL_SCHEDULES) {
      expect(s.source).toMatch(/国办发明电〔\d{4}〕\d+号/);
      expect(() => validateYearSchedule(s)).not.toThrow();
    }
    expect(OFFICIAL_SCHEDULES[3]?.source).toContain('国办发明电〔2022〕16号');
  });

  it('has the published number of days off per year', () => {
    // Counted from the notices: e.g. 2023 = 2 (元旦, 1-1 and 1-2) + 7 + 1 + 5 + 3 + 8 = 26;
    // 2020 = 1 + 10 (春节 as extended, 1-24 … 2-2) + 3 + 5 + 3 + 8 = 30.
    const counts = Object.fromEntries(OFFICIAL_SCHEDULES.map((s) => [s.year, s.holidays.length]));
    expect(counts).toEqual({ 2020: 30, 2021: 31, 2022: 31, 2023: 26, 2024: 28, 2025: 28, 2026: 33 });
    const makeups = Object.fromEntries(OFFICIAL_SCHEDULES.map((s) => [s.year, s.makeupWorkdays.length]));
    expect(makeups).toEqual({ 2020: 6, 2021: 7, 2022: 7, 2023: 7, 2024: 8, 2025: 5, 2026: 6 });
  });
});

describe('isWorkday', () => {
  it.each([
    // 2023 中秋节、国庆节: 9-29 … 10-06 off, Saturday 10-07 and Sunday 10-08 are working days.
    ['2023-09-28', true],
    ['2023-09-29', false],
    ['2023-10-01', false],
    ['2023-10-06', false],
    ['2023-10-07', true],
    ['2023-10-08', true],
    ['2023-10-09', true],
    ['2023-10-14', false],
    // ordinary weekdays and weekends
    ['2023-11-15', true],
    ['2023-11-18', false],
    ['2023-11-19', false],
    // 2020: the 春节 extension to 2-2 cancelled the 2-1 make-up day
    ['2020-01-19', true],
    ['2020-01-31', false],
    ['2020-02-01', false],
    ['2020-02-03', true],
    // 2024 元旦 and 春节 make-up Sundays
    ['2024-01-01', false],
    ['2024-02-04', true],
    ['2024-02-18', true],
    // 2026 春节, nine days, with Saturdays 2-14 and 2-28 worked
    ['2026-02-14', true],
    ['2026-02-23', false],
    ['2026-02-28', true],
    ['2026-12-31', true],
  ])('%s → %s', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
  });

  it('refuses a year without data instead of guessing', () => {
    for (const date of ['2019-12-31', '2027-01-04']) {
      const error = errorOf(() => calendar.isWorkday(date));
      expect(error.code).toBe('CALENDAR_YEAR_MISSING');
      expect(error.kind).toBe('unprocessable');
    }
    expect(errorOf(() => calendar.isWorkday('2027-03-01')).params.year).toBe(2027);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it.each([
    '2023-02-29',
    '2023-13-01',
    '2023-1-5',
    '20231005',
    '',
    '2023-10-05T00:00:00Z',
    '0000-01-01',
    '2023-10-0\u0000',
  ])('refuses the date %j', (date) => {
    expect(errorOf(() => calendar.isWorkday(date)).code).toBe('DATE_INVALID');
  });

  it('accepts leap days', () => {
    expect(calendar.isWorkday('2024-02-29')).toBe(true);
    expect(dayNumber('1970-01-01')).toBe(0);
  });
});

describe('addWorkdays, publicityEnd, workdaysBetween', () => {
  it('does not count the start day', () => {
    expect(calendar.addWorkdays('2023-09-28', 1)).toBe('2023-10-07');
    expect(calendar.addWorkdays('2023-09-28', 5)).toBe('2023-10-11');
    expect(calendar.addWorkdays('2023-09-30', 1)).toBe('2023-10-07');
    expect(calendar.addWorkdays('2023-10-06', 0)).toBe('2023-10-06');
  });

  it('a 5-working-day 公示 from 2023-09-28 ends 2023-10-10', () => {
    // Day 1 is 9-28 itself, then 10-07 (Sat, worked), 10-08 (Sun, worked), 10-09 and 10-10.
    expect(calendar.publicityEnd('2023-09-28', 5, 'workdays')).toBe('2023-10-10');
    // Starting on a holiday, day 1 is the first working day.
    expect(calendar.publicityEnd('2023-10-01', 5, 'workdays')).toBe('2023-10-11');
    expect(calendar.publicityEnd('2023-09-28', 7, 'calendar_days')).toBe('2023-10-04');
    expect(calendar.publicityEnd('2023-09-28', 1, 'workdays')).toBe('2023-09-28');
    expect(calendar.publicityEnd('2023-12-29', 3, 'workdays')).toBe('2024-01-03');
  });

  it('calendar-day arithmetic crosses months, leap years and needs no holiday data', () => {
    expect(calendar.addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(calendar.addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(calendar.addCalendarDays('2030-03-01', -1)).toBe('2030-02-28');
    expect(calendar.publicityEnd('2030-01-01', 10, 'calendar_days')).toBe('2030-01-10');
  });

  it('counts working days in (a, b]', () => {
    expect(calendar.workdaysBetween('2023-09-28', '2023-10-10')).toBe(4);
    expect(calendar.workdaysBetween('2023-10-10', '2023-09-28')).toBe(-4);
    expect(calendar.workdaysBetween('2023-10-01', '2023-10-01')).toBe(0);
    // 2023: 260 weekdays − 18 weekdays inside the breaks + 7 make-up days = 249, the published count.
    expect(calendar.workdaysBetween('2022-12-31', '2023-12-31')).toBe(249);
  });

  it('refuses bad counts and years without data', () => {
    expect(errorOf(() => calendar.addWorkdays('2023-01-01', -1)).code).toBe('CALENDAR_COUNT_INVALID');
    expect(errorOf(() => calendar.addWorkdays('2023-01-01', 1.5)).code).toBe('CALENDAR_COUNT_INVALID');
    expect(errorOf(() => calendar.publicityEnd('2023-01-01', 0, 'workdays')).code).toBe(
      'CALENDAR_COUNT_INVALID',
    );
    expect(errorOf(() => calendar.addWorkdays('2026-12-30', 5)).code).toBe('CALENDAR_YEAR_MISSING');
  });

  const dateArb = fc
    .integer({ min: dayNumber('2020-01-01'), max: dayNumber('2026-06-30') })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

  it('addWorkdays lands on a working day and workdaysBetween inverts it', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 120 }), (start, n) => {
        const end = calendar.addWorkdays(start, n);
        if (n > 0) expect(calendar.isWorkday(end)).toBe(true);
        expect(calendar.workdaysBetween(start, end)).toBe(n);
        expect(calendar.workdaysBetween(end, start) + n).toBe(0);
        expect(end >= start).toBe(true);
      }),
    );
  });

  it('publicityEnd is the n-th counted day from start inclusive', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = calendar.publicityEnd(start, n, 'workdays');
        const counted = calendar.workdaysBetween(start, end) + (calendar.isWorkday(start) ? 1 : 0);
        expect(counted).toBe(n);
        expect(calendar.isWorkday(end)).toBe(true);
      }),
    );
  });
});

describe('schedules as data', () => {
  const y2027: YearSchedule = {
    year: 2027,
    source: '测试用安排',
    holidays: ['2027-01-01'],
    makeupWorkdays: ['2027-01-02'],
  };

  it('withYear adds a year, replaces an existing one, and keeps year order', () => {
    const added = withYear(OFFICIAL_SCHEDULES, y2027);
    expect(added.map((s) => s.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    const extended = new WorkdayCalendar(added);
    expect(extended.isWorkday('2027-01-01')).toBe(false);
    expect(extended.isWorkday('2027-01-02')).toBe(true);
    expect(extended.isWorkday('2027-01-04')).toBe(true);

    const corrected = withYear(added, { ...y2027, holidays: [], makeupWorkdays: [] });
    expect(corrected).toHaveLength(8);
    expect(new WorkdayCalendar(corrected).isWorkday('2027-01-01')).toBe(true);
    expect(OFFICIAL_SCHEDULES).toHaveLength(7);
  });

  it.each([
    [{ ...y2027, holidays: ['2026-12-31'] }, 'outside_year'],
    [{ ...y2027, holidays: ['2027-01-02'] }, 'both_holiday_and_workday'],
    [{ ...y2027, makeupWorkdays: ['2027-01-04'] }, 'makeup_not_weekend'],
    [{ ...y2027, source: ' ' }, 'source'],
    [{ ...y2027, year: 2027.5 }, 'year'],
  ])('refuses an invalid schedule (%#: %s)', (schedule, reason) => {
    const error = errorOf(() => withYear(OFFICIAL_SCHEDULES, schedule));
    expect(error.code).toBe('CALENDAR_SCHEDULE_INVALID');
    expect(error.params.reason).toBe(reason);
  });

  it('refuses an invalid date inside a schedule and a duplicate year', () => {
    expect(errorOf(() => withYear([], { ...y2027, holidays: ['2027-02-30'] })).code).toBe('DATE_INVALID');
    expect(errorOf(() => new WorkdayCalendar([y2027, y2027])).params.reason).toBe('duplicate_year');
  });
});
