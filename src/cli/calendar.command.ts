// `huiqi calendar list` and `huiqi calendar set --file YEAR.json`: the working-day calendar (工作日) from the
// terminal, through the same use case as the administrators' API (same checks, a new version, an audit event
// whose actor is the CLI).
import type { z } from 'zod';
import { listCalendarYears } from '../db/repos/calendar.repo';
import { presentCalendarYear } from '../server/calendar/calendar.presenter';
import { setCalendarYear } from '../server/calendar/set-calendar-year';
import { calendarYearFile } from '../shared/api/calendar';
import { AppError } from '../shared/errors';
import { t } from '../shared/i18n';
import { type CliContext, operatorContext, printJson, printLine, withDatabase } from './cli-context';
import { cliText, UsageError } from './cli-text';
import { type FileProblem, readJsonFile, reportFileProblems } from './json-file';

export async function runCalendarList(ctx: CliContext): Promise<number> {
  const items = (await withDatabase(ctx, (db) => listCalendarYears(db.orm))).map(presentCalendarYear);
  if (ctx.json) {
    printJson(ctx, items);
    return 0;
  }
  if (items.length === 0) printLine(ctx, cliText(ctx.locale, 'calendar.none'));
  for (const y of items) {
    const line = {
      year: y.year,
      version: y.version,
      holidays: y.holidays.length,
      makeup: y.makeupWorkdays.length,
      source: y.source,
    };
    printLine(ctx, cliText(ctx.locale, 'calendar.line', line));
  }
  return 0;
}

/** `holidays[3]` for the zod path ['holidays', 3]. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** The value at a zod path inside the parsed file; undefined where nothing is. */
function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueCode(json: unknown, issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return 'FIELD_UNKNOWN';
  if (issue.code !== 'invalid_type') return 'FIELD_INVALID';
  return valueAt(json, issue.path) === undefined ? 'FIELD_MISSING' : 'FIELD_INVALID_TYPE';
}

function shapeProblems(ctx: CliContext, json: unknown, issues: z.core.$ZodIssue[]): FileProblem[] {
  return issues.map((issue) => {
    const code = issueCode(json, issue);
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
    return { path: pathText(issue.path), code, message: cliText(ctx.locale, `fileErrors.${code}`, { keys }) };
  });
}

export async function runCalendarSet(ctx: CliContext, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('missingOption', { option: 'file' });
  const headline = { key: 'calendar.invalid', file };
  const json = readJsonFile(file);
  const parsed = calendarYearFile.safeParse(json);
  if (!parsed.success)
    return reportFileProblems(ctx, headline, shapeProblems(ctx, json, parsed.error.issues));
  let result: Awaited<ReturnType<typeof setCalendarYear>>;
  try {
    result = await withDatabase(ctx, (db) => setCalendarYear(operatorContext(ctx, db), parsed.data));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'CALENDAR_YEAR_INVALID') throw error;
    const problems = error.details.map((d) => ({
      path: d.path ?? '',
      code: d.code,
      message: d.message ?? t(ctx.locale, `errors.${d.code}`, d.params),
    }));
    return reportFileProblems(ctx, headline, problems);
  }
  const year = presentCalendarYear(result.row);
  if (ctx.json) printJson(ctx, { ...year, changed: result.changed });
  else {
    const key = result.changed ? 'calendar.saved' : 'calendar.unchanged';
    printLine(ctx, cliText(ctx.locale, key, { year: year.year, version: year.version }));
  }
  return 0;
}
