// Every mistake in a year's schedule at once, each with its path (`holidays[3]`), so an administrator fixes a
// whole notice in one pass. The core's validateYearSchedule stops at the first problem; it is run here on each
// entry alone, which keeps the rules in one place (the core) and only adds the collecting.
import { validateYearSchedule, type YearSchedule } from '../../core/calendar/calendar';
import { AppError, type ErrorDetail } from '../../shared/errors';

/** Stands in for the source while single dates are checked; the real source is checked once, on its own. */
const CHECKED_ELSEWHERE = '-';

const REASON_CODES: Record<string, string> = {
  year: 'CALENDAR_YEAR_OUT_OF_RANGE',
  source: 'CALENDAR_SOURCE_REQUIRED',
  outside_year: 'CALENDAR_DATE_OUTSIDE_YEAR',
  both_holiday_and_workday: 'CALENDAR_DATE_BOTH_KINDS',
  makeup_not_weekend: 'CALENDAR_MAKEUP_NOT_WEEKEND',
};

function problem(path: string, check: () => void): ErrorDetail[] {
  try {
    check();
    return [];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const reason = String(error.params.reason ?? '');
    const code =
      error.code === 'CALENDAR_SCHEDULE_INVALID' ? (REASON_CODES[reason] ?? error.code) : error.code;
    return [{ path, code, params: error.params }];
  }
}

/** The problems of a schedule, in the order of its fields; empty when the core accepts it. */
export function scheduleProblems(schedule: YearSchedule): ErrorDetail[] {
  const { year, source, holidays, makeupWorkdays } = schedule;
  const yearProblems = problem('year', () =>
    validateYearSchedule({ year, source: CHECKED_ELSEWHERE, holidays: [], makeupWorkdays: [] }),
  );
  // Without a valid year no date can be placed in it; the year is the one thing to fix.
  if (yearProblems.length > 0) return yearProblems;
  const holidaySet = new Set(holidays);
  const found: ErrorDetail[] = [
    ...problem('source', () => validateYearSchedule({ year, source, holidays: [], makeupWorkdays: [] })),
    ...holidays.flatMap((date, i) =>
      problem(`holidays[${i}]`, () =>
        validateYearSchedule({ year, source: CHECKED_ELSEWHERE, holidays: [date], makeupWorkdays: [] }),
      ),
    ),
    ...makeupWorkdays.flatMap((date, i) =>
      problem(`makeupWorkdays[${i}]`, () =>
        validateYearSchedule({
          year,
          source: CHECKED_ELSEWHERE,
          holidays: holidaySet.has(date) ? [date] : [],
          makeupWorkdays: [date],
        }),
      ),
    ),
  ];
  // Each entry passed alone; the whole must pass too, so the core stays the last word.
  return found.length > 0 ? found : problem('', () => validateYearSchedule(schedule));
}

/** The schedule with its dates sorted and each listed once (the stored, canonical form). */
export function canonicalSchedule(schedule: YearSchedule): YearSchedule {
  const sorted = (dates: string[]) => [...new Set(dates)].sort();
  return {
    year: schedule.year,
    source: schedule.source,
    holidays: sorted(schedule.holidays),
    makeupWorkdays: sorted(schedule.makeupWorkdays),
  };
}

/** The schedule in canonical form, or a 422 CALENDAR_YEAR_INVALID listing every problem. */
export function requireValidSchedule(schedule: YearSchedule): YearSchedule {
  const problems = scheduleProblems(schedule);
  if (problems.length > 0) {
    throw new AppError(
      'CALENDAR_YEAR_INVALID',
      'unprocessable',
      { year: String(schedule.year), count: problems.length },
      problems,
    );
  }
  return canonicalSchedule(schedule);
}
