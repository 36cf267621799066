// The year form edits date lists as plain text, one date per line. The text is only split here; whether each
// date is valid is the server's answer (422 with each problem's path), so the rules live in one place.

/** The entries of a date list typed one per line (commas and spaces also separate); blank lines dropped. */
export function parseDateLines(text: string): string[] {
  return text
    .split(/[\s,，、]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** A date list as the form shows it: one date per line. */
export function formatDateLines(dates: readonly string[]): string {
  return dates.join('\n');
}

export interface MonthRow {
  month: number;
  holidays: string[];
  makeupWorkdays: string[];
}

function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

/** The months that hold a holiday or a make-up working day, in calendar order, each with its sorted dates. */
export function monthRows(schedule: { holidays: readonly string[]; makeupWorkdays: readonly string[] }) {
  const rows = new Map<number, MonthRow>();
  const rowFor = (date: string): MonthRow => {
    const month = monthOf(date);
    const existing = rows.get(month);
    if (existing) return existing;
    const created: MonthRow = { month, holidays: [], makeupWorkdays: [] };
    rows.set(month, created);
    return created;
  };
  for (const date of schedule.holidays) rowFor(date).holidays.push(date);
  for (const date of schedule.makeupWorkdays) rowFor(date).makeupWorkdays.push(date);
  return [...rows.values()]
    .sort((a, b) => a.month - b.month)
    .map((row) => ({ ...row, holidays: row.holidays.sort(), makeupWorkdays: row.makeupWorkdays.sort() }));
}

/**
 * Which form field a server error path points into: the use case's `makeupWorkdays[2]` and the schema
 * check's `holidays.3` both name their list.
 */
export function fieldOfPath(path: string | undefined): string {
  return (path ?? '').split(/[.[]/)[0] ?? '';
}
