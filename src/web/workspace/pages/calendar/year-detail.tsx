// One year's schedule by month: the days off (放假) and the weekend days worked instead (调休上班), each with
// its weekday, so a reader sees at a glance that make-up days fall on weekends. Holidays are red as on a
// printed Chinese calendar; the theme's red keeps AA contrast.
import { Card, Table, Tag, Typography } from 'antd';
import type { CalendarYear } from '../../../../shared/api/calendar';
import type { Locale } from '../../../../shared/i18n';
import { useLocale } from '../../../lib/locale';
import { type MonthRow, monthRows } from './schedule-text';

function DateTags({ dates, color, locale }: { dates: string[]; color?: string; locale: Locale }) {
  if (dates.length === 0) return <>—</>;
  // Dates are calendar days, not instants: read and print them in UTC so no time zone shifts them.
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {dates.map((date) => (
        <li key={date} style={{ display: 'inline-block', marginBottom: 4 }}>
          <Tag color={color}>
            <time dateTime={date}>{date.slice(5)}</time> {weekday.format(new Date(`${date}T00:00:00Z`))}
          </Tag>
        </li>
      ))}
    </ul>
  );
}

export function YearDetail({ year }: { year: CalendarYear }) {
  const { locale, tr } = useLocale();
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('calendar.detailTitle', { year: year.year })}</h2>}
    >
      <Typography.Paragraph>{tr('calendar.sourceLine', { source: year.source })}</Typography.Paragraph>
      <Table<MonthRow>
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={monthRows(year)}
        locale={{ emptyText: tr('calendar.noDates') }}
        columns={[
          {
            title: tr('calendar.month'),
            dataIndex: 'month',
            width: 100,
            render: (month: number) => tr('calendar.monthName', { month }),
          },
          {
            title: tr('calendar.holidays'),
            dataIndex: 'holidays',
            render: (dates: string[]) => <DateTags dates={dates} color="error" locale={locale} />,
          },
          {
            title: tr('calendar.makeupWorkdays'),
            dataIndex: 'makeupWorkdays',
            render: (dates: string[]) => <DateTags dates={dates} locale={locale} />,
          },
        ]}
      />
    </Card>
  );
}
