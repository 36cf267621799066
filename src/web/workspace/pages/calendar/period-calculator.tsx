// 公示期计算: where a period of N working days (or calendar days) from a start date ends, on the stored
// official calendar. The same answer the server uses for deadlines and publicity periods.
import { Alert, Button, Card, DatePicker, Form, InputNumber, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { WorkdaysQuery } from '../../../../shared/api/calendar';
import { useLocale } from '../../../lib/locale';
import { usePeriodEnd } from './api';

const KINDS: readonly WorkdaysQuery['kind'][] = ['workdays', 'calendar_days'];
/** The server's bound on N (ten years of days), so the form refuses more before asking. */
const MAX_COUNT = 3660;
/** The calendar API's date format; the picker shows and accepts the same. */
const DATE_FORMAT = 'YYYY-MM-DD';

export function PeriodCalculator() {
  const { tr } = useLocale();
  const [query, setQuery] = useState<WorkdaysQuery | null>(null);
  const period = usePeriodEnd(query);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('calendar.calculator')}</h2>}>
      <Typography.Paragraph>{tr('calendar.semanticsWorkdays')}</Typography.Paragraph>
      <Typography.Paragraph>{tr('calendar.semanticsCalendarDays')}</Typography.Paragraph>
      <Form<WorkdaysQuery>
        layout="inline"
        initialValues={{ n: 5, kind: 'workdays' }}
        onFinish={(values) => setQuery({ start: values.start, n: values.n, kind: values.kind })}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="start"
          label={tr('calendar.start')}
          rules={[{ required: true }]}
          // The form holds the date as the API's text; the picker works on dayjs values.
          getValueProps={(value?: string) => ({ value: value ? dayjs(value) : undefined })}
          normalize={(value: Dayjs | null) => value?.format(DATE_FORMAT)}
        >
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="n" label={tr('calendar.count')} rules={[{ required: true }]}>
          <InputNumber min={0} max={MAX_COUNT} precision={0} />
        </Form.Item>
        <Form.Item name="kind" label={tr('calendar.kind')}>
          <Radio.Group
            options={KINDS.map((kind) => ({ value: kind, label: tr(`calendar.kinds.${kind}`) }))}
            optionType="button"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={period.isFetching}>
          {tr('calendar.calculate')}
        </Button>
      </Form>
      <div role="status" data-testid="period-result" style={{ marginTop: 16 }}>
        {query && period.data && (
          <Alert
            type="success"
            showIcon
            title={tr('calendar.endIs', {
              start: query.start,
              n: query.n,
              kind: tr(`calendar.kinds.${query.kind}`),
              end: period.data.end,
            })}
          />
        )}
        {period.error && <Alert type="error" showIcon title={period.error.message} />}
      </div>
    </Card>
  );
}
