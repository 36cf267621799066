// 工作日历: the official working-day calendar as stored — each year's holiday notice, its days off and its
// weekend make-up working days, versioned. Staff read it; an administrator adds a year or corrects one. A
// publicity-period calculator answers where N working days from a date end.
import { Alert, Button, Card, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CalendarYear } from '../../../../shared/api/calendar';
import { allows } from '../../../../shared/authz';
import { useSession } from '../../../api/session';
import { useLocale } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { useCalendarYears } from './api';
import { PeriodCalculator } from './period-calculator';
import { YearDetail } from './year-detail';
import { YearForm } from './year-form';

/** What the form edits: a stored year to correct, or a new one. */
type Editing = { kind: 'correct'; year: CalendarYear } | { kind: 'add' };

export default function CalendarPage() {
  const { locale, tr } = useLocale();
  const canManage = allows(useSession().data?.user?.role, 'calendar.manage');
  const years = useCalendarYears();
  const rows = years.data ?? [];
  const [selectedYear, setSelectedYear] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saved, setSaved] = useState<CalendarYear | null>(null);
  const selected = rows.find((row) => row.year === selectedYear);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  const onSaved = (row: CalendarYear) => {
    setEditing(null);
    setSaved(row);
    setSelectedYear(row.year);
  };

  return (
    <>
      <PageTitle>{tr('nav.calendar')}</PageTitle>
      <Typography.Paragraph>{tr('calendar.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('calendar.years')}</h2>}
          extra={
            canManage && (
              <Button type="primary" onClick={() => setEditing({ kind: 'add' })}>
                {tr('calendar.add')}
              </Button>
            )
          }
        >
          {!canManage && <Typography.Paragraph>{tr('calendar.readOnly')}</Typography.Paragraph>}
          <div role="status">
            {saved && (
              <Alert
                type="success"
                showIcon
                closable
                onClose={() => setSaved(null)}
                style={{ marginBottom: 16 }}
                title={tr('calendar.saved', { year: saved.year, version: saved.version })}
              />
            )}
          </div>
          <Table<CalendarYear>
            rowKey="year"
            size="small"
            loading={years.isPending}
            dataSource={rows}
            pagination={false}
            columns={[
              { title: tr('calendar.year'), dataIndex: 'year', width: 80 },
              { title: tr('calendar.source'), dataIndex: 'source' },
              {
                title: tr('calendar.holidayCount'),
                key: 'holidays',
                align: 'right',
                render: (_, row) => row.holidays.length,
              },
              {
                title: tr('calendar.makeupCount'),
                key: 'makeupWorkdays',
                align: 'right',
                render: (_, row) => row.makeupWorkdays.length,
              },
              { title: tr('calendar.version'), dataIndex: 'version', align: 'right' },
              {
                title: tr('calendar.updatedAt'),
                dataIndex: 'updatedAt',
                render: (at: string) => dateTime.format(new Date(at)),
              },
              {
                title: tr('calendar.actions'),
                key: 'actions',
                render: (_, row) => (
                  <Space>
                    <Button
                      size="small"
                      aria-pressed={row.year === selectedYear}
                      aria-label={tr('calendar.viewYear', { year: row.year })}
                      onClick={() => setSelectedYear(row.year)}
                    >
                      {tr('calendar.view')}
                    </Button>
                    {canManage && (
                      <Button
                        size="small"
                        aria-label={tr('calendar.correctYear', { year: row.year })}
                        onClick={() => setEditing({ kind: 'correct', year: row })}
                      >
                        {tr('calendar.correct')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
        {selected ? (
          <YearDetail year={selected} />
        ) : (
          <Typography.Paragraph>{tr('calendar.pickYear')}</Typography.Paragraph>
        )}
        <PeriodCalculator />
      </Space>
      <Modal
        mask={{ closable: false }}
        open={editing !== null}
        title={
          editing?.kind === 'correct'
            ? tr('calendar.correctTitle', { year: editing.year.year })
            : tr('calendar.addTitle')
        }
        width={720}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <YearForm
            editing={editing.kind === 'correct' ? editing.year : null}
            years={rows}
            onSaved={onSaved}
          />
        )}
      </Modal>
    </>
  );
}
