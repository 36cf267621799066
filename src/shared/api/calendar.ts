// The official working-day calendar (工作日) over the API and in the CLI's year files. Dates inside a schedule
// travel as plain strings here: the use case checks each one and answers every mistake with its path (422),
// which a format rule at the boundary would collapse into one 400.
import { z } from 'zod';
import { isoDate, requiredText, text } from './primitives';

/** At most one entry per day of a leap year. */
const MAX_DATES = 366;
/** Counts are bounded so one request never walks centuries of days. */
const MAX_COUNT = 3660;
/** The years the database accepts (its CHECK), so an out-of-range year is a 400 here, never a 500 there. */
const calendarYear = z.number().int().min(1900).max(2200);

export const PERIOD_KINDS = ['workdays', 'calendar_days'] as const;

const dateList = z.array(text({ max: 32 })).max(MAX_DATES);

export const calendarYearSchema = z.object({
  year: z.number().int(),
  source: z.string(),
  holidays: z.array(isoDate),
  makeupWorkdays: z.array(isoDate),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const calendarYearListResponse = z.array(calendarYearSchema);
export type CalendarYearListResponse = z.infer<typeof calendarYearListResponse>;

export const calendarYearParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .pipe(calendarYear),
});

export const calendarYearBody = z.strictObject({
  source: requiredText(2000),
  holidays: dateList,
  makeupWorkdays: dateList,
});
export type CalendarYearBody = z.infer<typeof calendarYearBody>;

/** A year file for `huiqi calendar set --file`: the request body plus its year. */
export const calendarYearFile = calendarYearBody.extend({ year: calendarYear });
export type CalendarYearFile = z.infer<typeof calendarYearFile>;

export const workdaysQuery = z.strictObject({
  start: isoDate,
  n: z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().max(MAX_COUNT)),
  kind: z.enum(PERIOD_KINDS).default('workdays'),
});
export type WorkdaysQuery = z.infer<typeof workdaysQuery>;

export const workdaysResponse = z.object({ end: isoDate });
export type WorkdaysResponse = z.infer<typeof workdaysResponse>;
