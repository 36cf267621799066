// Calendar rows as the API and the CLI show them.
import type { CalendarYearRow } from '../../db/repos/calendar.repo';
import type { CalendarYear } from '../../shared/api/calendar';

export function presentCalendarYear(row: CalendarYearRow): CalendarYear {
  return {
    year: row.year,
    source: row.source,
    holidays: row.holidays,
    makeupWorkdays: row.makeupWorkdays,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
