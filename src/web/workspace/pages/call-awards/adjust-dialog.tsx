// An approver's adjusted amount for one award, with the written reason the approval must carry for any change
// to the allocation. Kept on the page until the list is approved; nothing is sent from here.
import { Form, Input, Modal, Typography } from 'antd';
import type { AwardCalculation } from '../../../../shared/awards';
import { useT } from '../../../lib/locale';
import { formatAmount } from '../../../lib/money';
import { type Adjustment, TYPED_YUAN } from './approval';

type Award = AwardCalculation['awards'][number];

export function AdjustDialog({
  award,
  current,
  onSave,
  onClose,
}: {
  award: Award;
  current: Adjustment | undefined;
  onSave: (adjustment: Adjustment) => void;
  onClose: () => void;
}) {
  const tr = useT();
  const [form] = Form.useForm<Adjustment>();
  return (
    <Modal
      open
      title={tr('callAwards.adjustTitle', { enterprise: award.enterpriseName })}
      okText={tr('callAwards.ok')}
      cancelText={tr('callAwards.cancel')}
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph>
        {tr('callAwards.adjustAllocated', { amount: formatAmount(award.allocated) })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={current ?? { amount: award.allocated, reason: '' }}
        onFinish={({ amount, reason }) => {
          onSave({ amount: amount.trim(), reason: reason.trim() });
          onClose();
        }}
      >
        <Form.Item
          name="amount"
          label={tr('callAwards.adjustAmount')}
          rules={[
            { required: true, whitespace: true, message: tr('callAwards.amountRequired') },
            { pattern: TYPED_YUAN, message: tr('callAwards.amountInvalid') },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" suffix={tr('callAwards.yuanUnit')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={tr('callAwards.adjustReason')}
          rules={[{ required: true, whitespace: true, message: tr('callAwards.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
