// The declared figures of the statistics year, in USD: a metric left empty is not declared.
import { App, Form, Input, Modal, Typography } from 'antd';
import { METRICS } from '../../../../shared/program-file';
import type { Application } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { useSaveDeclared } from './api';

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

export function DeclaredDialog({ application, onClose }: { application: Application; onClose: () => void }) {
  const tr = useT();
  const save = useSaveDeclared();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const submit = (values: Record<string, string | undefined>) => {
    const declared = Object.fromEntries(
      Object.entries(values).flatMap(([metric, value]) => (value?.trim() ? [[metric, value.trim()]] : [])),
    );
    save.mutate(
      { id: application.id, declared, version: application.version },
      {
        onSuccess: () => {
          void message.success(tr('apply.saved'));
          onClose();
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };
  return (
    <Modal
      open
      title={tr('apply.declaredTitle')}
      okText={tr('apply.save')}
      cancelText={tr('apply.cancel')}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">{tr('apply.declaredHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={application.declared} onFinish={submit}>
        {METRICS.map((metric) => (
          <Form.Item
            key={metric}
            name={metric}
            label={tr(`apply.metrics.${metric}`)}
            rules={[{ pattern: AMOUNT, message: tr('apply.amountInvalid') }]}
          >
            <Input inputMode="decimal" autoComplete="off" suffix="USD" />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
