// How the portal words a publicity (公示) list: its Beijing dates, its period and the objection deadline, in
// either language, and the order the lists are shown in. Dates arrive as Beijing calendar dates
// ('YYYY-MM-DD'), so they are read as digits and never pass through the browser's time zone.
import type { PublicityList } from '../../../shared/awards';
import type { Locale } from '../../../shared/i18n';
import type { Translate } from '../../lib/locale';

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parseDate(value: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year, month, day };
}

function enMonth(date: CalendarDate): string {
  return EN_MONTHS[date.month - 1] ?? String(date.month);
}

/** One Beijing date: '2023-11-24' → '2023年11月24日' / '24 Nov 2023'; other text is shown as received. */
export function formatBeijingDate(locale: Locale, value: string): string {
  const date = parseDate(value);
  if (!date) return value;
  return locale === 'zh-CN'
    ? `${date.year}年${date.month}月${date.day}日`
    : `${date.day} ${enMonth(date)} ${date.year}`;
}

/**
 * Two inclusive Beijing dates, the year said once when shared: '2023年11月20日至11月24日' /
 * '20–24 Nov 2023', '28 Nov – 4 Dec 2023', '28 Dec 2023 – 5 Jan 2024'.
 */
export function formatDateRange(locale: Locale, startsOn: string, endsOn: string): string {
  const start = parseDate(startsOn);
  const end = parseDate(endsOn);
  if (!start || !end) return `${startsOn} – ${endsOn}`;
  if (startsOn === endsOn) return formatBeijingDate(locale, startsOn);
  const sameYear = start.year === end.year;
  if (locale === 'zh-CN') {
    const to = sameYear ? `${end.month}月${end.day}日` : formatBeijingDate(locale, endsOn);
    return `${formatBeijingDate(locale, startsOn)}至${to}`;
  }
  if (sameYear && start.month === end.month) return `${start.day}–${end.day} ${enMonth(end)} ${end.year}`;
  if (sameYear) return `${start.day} ${enMonth(start)} – ${end.day} ${enMonth(end)} ${end.year}`;
  return `${formatBeijingDate(locale, startsOn)} – ${formatBeijingDate(locale, endsOn)}`;
}

/** '5个工作日' / '5 working days' (one: '1 working day'); calendar days likewise. */
export function formatPeriodLength(tr: Translate, days: number, kind: PublicityList['periodKind']): string {
  const one = days === 1;
  if (kind === 'workdays')
    return tr(one ? 'portal.publicity.workday' : 'portal.publicity.workdays', { n: days });
  return tr(one ? 'portal.publicity.calendarDay' : 'portal.publicity.calendarDays', { n: days });
}

/** '公示期：2023年11月20日至11月24日（5个工作日）' / 'Publicity period: 20–24 Nov 2023 (5 working days)'. */
export function publicityPeriod(
  locale: Locale,
  tr: Translate,
  list: Pick<PublicityList, 'startsOn' | 'endsOn' | 'periodDays' | 'periodKind'>,
): string {
  return tr('portal.publicity.period', {
    range: formatDateRange(locale, list.startsOn, list.endsOn),
    days: formatPeriodLength(tr, list.periodDays, list.periodKind),
  });
}

/** Objections may be filed until the end of the last day of the period, Beijing time. */
export function objectionDeadline(locale: Locale, tr: Translate, endsOn: string): string {
  return tr('portal.publicity.objections', { date: formatBeijingDate(locale, endsOn) });
}

/** Newest first: the latest period, and of one call's lists the latest republication. */
export function newestFirst<T extends Pick<PublicityList, 'startsOn' | 'seq' | 'callTitle'>>(
  lists: readonly T[],
): T[] {
  return [...lists].sort(
    (a, b) =>
      b.startsOn.localeCompare(a.startsOn) ||
      b.seq - a.seq ||
      a.callTitle.localeCompare(b.callTitle, 'zh-CN'),
  );
}
