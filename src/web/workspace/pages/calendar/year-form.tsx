// The form that adds a year or corrects one (录入/更正节假日安排). Dates are typed one per line; the server
// checks them all and answers every problem with its path, listed under the form and marked on its field.
// Saving asks for confirmation first: a new version changes every working-day count at once.
import { Alert, App, Button, Form, Input, InputNumber, theme } from 'antd';
import type { ReactNode } from 'react';
import type { CalendarYear } from '../../../../shared/api/calendar';
import { ApiError } from '../../../api/client';
import { useLocale } from '../../../lib/locale';
import { ErrorList } from '../../error-list';
import { useSetCalendarYear } from './api';
import { fieldOfPath, formatDateLines, parseDateLines } from './schedule-text';

interface YearFormValues {
  year: number;
  source: string;
  holidays: string;
  makeupWorkdays: string;
}

/** The years the server accepts (its schema), so the form refuses the rest before asking. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** A field's hint. antd's hint grey (colorTextDescription) is 3.4:1 on white, below WCAG AA's 4.5:1. */
function Hint({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <span style={{ color: token.colorTextSecondary }}>{children}</span>;
}

function initialValues(editing: CalendarYear | null): Partial<YearFormValues> {
  if (!editing) return { source: '', holidays: '', makeupWorkdays: '' };
  return {
    year: editing.year,
    source: editing.source,
    holidays: formatDateLines(editing.holidays),
    makeupWorkdays: formatDateLines(editing.makeupWorkdays),
  };
}

export function YearForm(props: {
  /** The year being corrected, or null to add one. */
  editing: CalendarYear | null;
  years: readonly CalendarYear[];
  onSaved: (row: CalendarYear) => void;
}) {
  const { tr } = useLocale();
  const [form] = Form.useForm<YearFormValues>();
  const save = useSetCalendarYear();
  const { modal } = App.useApp();
  const year = Form.useWatch('year', form);
  const existing = props.editing ? undefined : props.years.find((y) => y.year === year);
  const details = save.error instanceof ApiError ? save.error.details : [];
  const fieldsInError = new Set(details.map((detail) => fieldOfPath(detail.path)));
  const status = (field: keyof YearFormValues) => (fieldsInError.has(field) ? 'error' : undefined);

  const submit = (values: YearFormValues) =>
    save.mutate(
      {
        year: values.year,
        source: values.source,
        holidays: parseDateLines(values.holidays ?? ''),
        makeupWorkdays: parseDateLines(values.makeupWorkdays ?? ''),
      },
      { onSuccess: props.onSaved },
    );

  // Asked only after the form's own checks pass; a dialog (not a popover) so focus returns to the form.
  const confirm = (values: YearFormValues) =>
    modal.confirm({
      title: tr('calendar.confirmSave', { year: values.year }),
      content: tr('calendar.confirmSaveHint'),
      onOk: () => submit(values),
    });

  return (
    <Form<YearFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues(props.editing)}
      onFinish={confirm}
    >
      <Form.Item
        name="year"
        label={tr('calendar.year')}
        rules={[{ required: true }]}
        extra={
          existing && (
            <Hint>{tr('calendar.yearExists', { year: existing.year, version: existing.version })}</Hint>
          )
        }
      >
        <InputNumber min={MIN_YEAR} max={MAX_YEAR} precision={0} disabled={props.editing !== null} />
      </Form.Item>
      <Form.Item
        name="source"
        label={tr('calendar.source')}
        extra={<Hint>{tr('calendar.sourceHint')}</Hint>}
        rules={[{ required: true, whitespace: true }]}
        validateStatus={status('source')}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item
        name="holidays"
        label={tr('calendar.holidays')}
        extra={<Hint>{tr('calendar.datesHint')}</Hint>}
        validateStatus={status('holidays')}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="makeupWorkdays"
        label={tr('calendar.makeupWorkdays')}
        extra={<Hint>{tr('calendar.makeupHint')}</Hint>}
        validateStatus={status('makeupWorkdays')}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} spellCheck={false} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {tr('calendar.save')}
      </Button>
      {/* A live region: the problems are announced while the focus goes back to the save button. */}
      <div role="status" style={{ marginTop: 16 }}>
        {save.error && (
          <>
            <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 8 }} />
            {details.length > 0 && <ErrorList errors={details} />}
          </>
        )}
      </div>
    </Form>
  );
}
