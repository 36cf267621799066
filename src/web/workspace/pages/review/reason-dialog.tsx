// Intake's reasoned decisions: a rejection, or a return for correction (退回补正) with its reason, the items to
// correct and the working days allowed. The reason is what the applicant reads.
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import {
  CORRECTION_SUBJECTS,
  type CorrectionItem,
  DEFAULT_CORRECTION_WORKDAYS,
} from '../../../../shared/api/applications';
import type { Application } from '../../../api/types';
import { useLocale, useT } from '../../../lib/locale';
import { materialKindLabel } from '../apply/material-text';
import { useIntakeDecision } from './api';

/** 补正事项: what to correct, item by item, and the working days the applicant has. */
function CorrectionFields() {
  const { locale, tr } = useLocale();
  return (
    <>
      <Form.Item
        name="workdays"
        label={tr('review.correction.workdays')}
        rules={[{ required: true, message: tr('review.correction.workdaysRequired') }]}
      >
        <InputNumber min={1} max={30} precision={0} />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item
                  name={[field.name, 'subject']}
                  label={tr('review.correction.subject', { n: index + 1 })}
                  rules={[{ required: true, message: tr('review.correction.subjectRequired') }]}
                >
                  <Select
                    style={{ width: 200 }}
                    options={CORRECTION_SUBJECTS.map((subject) => ({
                      value: subject,
                      label: materialKindLabel(locale, subject),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reason']}
                  label={tr('review.correction.itemReason', { n: index + 1 })}
                  rules={[{ required: true, whitespace: true, message: tr('review.reasonRequired') }]}
                >
                  <Input style={{ width: 260 }} maxLength={500} />
                </Form.Item>
                <Button
                  onClick={() => remove(field.name)}
                  aria-label={tr('review.correction.removeOf', { n: index + 1 })}
                >
                  {tr('review.correction.remove')}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add()}>{tr('review.correction.add')}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}

export function ReasonDialog({
  application,
  action,
  onClose,
}: {
  application: Application;
  action: 'return' | 'reject';
  onClose: () => void;
}) {
  const tr = useT();
  const decide = useIntakeDecision();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; workdays?: number; items?: CorrectionItem[] }>();
  return (
    <Modal
      open
      title={`${tr(`review.reasonTitle.${action}`)} · ${application.enterpriseName}`}
      okText={tr('review.ok')}
      cancelText={tr('review.cancel')}
      okButtonProps={{ danger: action === 'reject' }}
      confirmLoading={decide.isPending}
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ workdays: DEFAULT_CORRECTION_WORKDAYS, items: [] }}
        onFinish={({ reason, workdays, items }) =>
          decide.mutate(
            {
              id: application.id,
              action,
              reason,
              ...(action === 'return' ? { workdays, items: items ?? [] } : {}),
            },
            {
              onSuccess: () => {
                void message.success(tr(`review.done.${action}`));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reason"
          label={tr('review.reasonLabel')}
          rules={[{ required: true, whitespace: true, message: tr('review.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        {action === 'return' && <CorrectionFields />}
      </Form>
    </Modal>
  );
}
