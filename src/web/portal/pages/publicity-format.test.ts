import { describe, expect, it } from 'vitest';
import { type Locale, t } from '../../../shared/i18n';
import {
  formatBeijingDate,
  formatDateRange,
  formatPeriodLength,
  newestFirst,
  objectionDeadline,
  publicityPeriod,
} from './publicity-format';

const trOf = (locale: Locale) => (key: string, params?: Record<string, string | number | bigint>) =>
  t(locale, `web.${key}`, params);
const zh = trOf('zh-CN');
const en = trOf('en-US');

describe('the publicity period', () => {
  const week = {
    startsOn: '2023-11-20',
    endsOn: '2023-11-24',
    periodDays: 5,
    periodKind: 'workdays',
  } as const;

  it('reads as the bureau writes it in Chinese', () => {
    expect(publicityPeriod('zh-CN', zh, week)).toBe('公示期：2023年11月20日至11月24日（5个工作日）');
    expect(
      publicityPeriod('zh-CN', zh, {
        ...week,
        endsOn: '2023-11-26',
        periodDays: 7,
        periodKind: 'calendar_days',
      }),
    ).toBe('公示期：2023年11月20日至11月26日（7个自然日）');
  });

  it('reads in English with the month and year said once', () => {
    expect(publicityPeriod('en-US', en, week)).toBe('Publicity period: 20–24 Nov 2023 (5 working days)');
    expect(
      publicityPeriod('en-US', en, {
        ...week,
        endsOn: '2023-11-26',
        periodDays: 7,
        periodKind: 'calendar_days',
      }),
    ).toBe('Publicity period: 20–26 Nov 2023 (7 calendar days)');
  });

  it('names one day in the singular', () => {
    expect(formatPeriodLength(en, 1, 'workdays')).toBe('1 working day');
    expect(formatPeriodLength(en, 1, 'calendar_days')).toBe('1 calendar day');
    expect(formatPeriodLength(zh, 1, 'workdays')).toBe('1个工作日');
  });
});

describe('date ranges', () => {
  it.each([
    ['zh-CN', '2023-11-28', '2023-12-04', '2023年11月28日至12月4日'],
    ['zh-CN', '2023-12-28', '2024-01-05', '2023年12月28日至2024年1月5日'],
    ['zh-CN', '2023-11-20', '2023-11-20', '2023年11月20日'],
    ['en-US', '2023-11-28', '2023-12-04', '28 Nov – 4 Dec 2023'],
    ['en-US', '2023-12-28', '2024-01-05', '28 Dec 2023 – 5 Jan 2024'],
    ['en-US', '2023-11-20', '2023-11-20', '20 Nov 2023'],
  ] as const)('%s %s…%s → %s', (locale, startsOn, endsOn, expected) => {
    expect(formatDateRange(locale, startsOn, endsOn)).toBe(expected);
  });

  it('shows text that is not a date as received', () => {
    expect(formatBeijingDate('en-US', 'soon')).toBe('soon');
    expect(formatDateRange('zh-CN', '2023-11-20', 'later')).toBe('2023-11-20 – later');
  });
});

describe('the objection deadline', () => {
  it('is the end of the last day, Beijing time, in both languages', () => {
    expect(objectionDeadline('zh-CN', zh, '2023-11-24')).toBe(
      '如对公示内容有异议，可于2023年11月24日24时（北京时间）前提出。',
    );
    expect(objectionDeadline('en-US', en, '2023-11-24')).toBe(
      'Objections may be filed until the end of 24 Nov 2023 (Beijing time).',
    );
  });
});

describe('the order of the lists', () => {
  it('puts the latest period first and a republished list before the one it replaced', () => {
    const lists = [
      { id: 'a', startsOn: '2023-11-20', seq: 1, callTitle: '甲' },
      { id: 'b', startsOn: '2024-03-04', seq: 1, callTitle: '乙' },
      { id: 'c', startsOn: '2023-11-20', seq: 2, callTitle: '甲' },
    ];
    expect(newestFirst(lists).map((list) => list.id)).toEqual(['b', 'c', 'a']);
    expect(lists.map((list) => list.id)).toEqual(['a', 'b', 'c']);
  });
});
