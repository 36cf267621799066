import { describe, expect, it } from 'vitest';
import { fieldOfPath, formatDateLines, monthRows, parseDateLines } from './schedule-text';

describe('date lines', () => {
  it('splits one date per line and drops blank lines and surrounding spaces', () => {
    expect(parseDateLines('2027-01-01\n\n  2027-02-05  \r\n2027-02-06\n')).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
    ]);
  });

  it('also separates by commas, Chinese commas and spaces, and keeps malformed entries for the server', () => {
    expect(parseDateLines('2027-01-01, 2027-01-02，2027-1-3、x')).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-1-3',
      'x',
    ]);
    expect(parseDateLines('   \n ')).toEqual([]);
  });

  it('round-trips a stored list through the form text', () => {
    const dates = ['2023-01-02', '2023-10-07'];
    expect(parseDateLines(formatDateLines(dates))).toEqual(dates);
  });
});

describe('month rows', () => {
  it('groups holidays and make-up days by month, in calendar order, dates sorted', () => {
    expect(
      monthRows({
        holidays: ['2023-10-02', '2023-01-02', '2023-10-01'],
        makeupWorkdays: ['2023-10-08', '2023-10-07', '2023-04-23'],
      }),
    ).toEqual([
      { month: 1, holidays: ['2023-01-02'], makeupWorkdays: [] },
      { month: 4, holidays: [], makeupWorkdays: ['2023-04-23'] },
      { month: 10, holidays: ['2023-10-01', '2023-10-02'], makeupWorkdays: ['2023-10-07', '2023-10-08'] },
    ]);
  });

  it('has no rows for an empty schedule', () => {
    expect(monthRows({ holidays: [], makeupWorkdays: [] })).toEqual([]);
  });
});

describe('field of an error path', () => {
  it.each([
    ['makeupWorkdays[2]', 'makeupWorkdays'],
    ['holidays[0]', 'holidays'],
    ['source', 'source'],
    ['holidays.3', 'holidays'],
    ['', ''],
    [undefined, ''],
  ])('%s → %s', (path, field) => {
    expect(fieldOfPath(path)).toBe(field);
  });
});
