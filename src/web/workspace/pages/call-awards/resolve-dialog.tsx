// Resolving an objection: what the investigation found and what was decided, both required; when it is upheld
// and names an award, what happens to that award — removed, or reduced to at most an amount (核减).
// Upholding recalculates the call's awards and publishes the new list for a new period, so it is confirmed
// first; a refusal is shown in the dialog in the server's words.
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import type { Objection, ResolveObjectionBody } from '../../../../shared/awards';
import { ApiError } from '../../../api/client';
import { useT } from '../../../lib/locale';
import { useResolveObjection } from './api';
import { TYPED_YUAN } from './approval';
import { type ResolutionValues, resolutionBody } from './resolution';

export function ResolveDialog({
  callId,
  objection,
  onClose,
}: {
  callId: string;
  objection: Objection;
  onClose: () => void;
}) {
  const tr = useT();
  const { message, modal } = App.useApp();
  const resolve = useResolveObjection(callId);
  const [form] = Form.useForm<ResolutionValues>();
  const outcome = Form.useWatch('outcome', form);
  const remedy = Form.useWatch('remedy', form);
  const namesAward = objection.applicationId !== null;
  const failure = resolve.error instanceof ApiError ? resolve.error : null;

  const send = (body: ResolveObjectionBody) =>
    resolve.mutate(
      { id: objection.id, ...body },
      {
        onSuccess: () => {
          void message.success(tr(`callAwards.objections.done.${body.outcome}`));
          onClose();
        },
      },
    );
  const submit = (values: ResolutionValues) => {
    const body = resolutionBody(objection, values);
    if (body.outcome === 'dismissed') return send(body);
    modal.confirm({
      title: tr('callAwards.objections.confirmUpheldTitle'),
      content: tr('callAwards.objections.confirmUpheld'),
      okText: tr('callAwards.ok'),
      cancelText: tr('callAwards.cancel'),
      okButtonProps: { danger: true },
      onOk: () => send(body),
    });
  };

  return (
    <Modal
      open
      title={tr('callAwards.objections.resolveTitle', { filer: objection.filerName })}
      okText={tr('callAwards.ok')}
      cancelText={tr('callAwards.cancel')}
      confirmLoading={resolve.isPending}
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={640}
    >
      <Form<ResolutionValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="outcome"
          label={tr('callAwards.objections.outcomeLabel')}
          rules={[{ required: true, message: tr('callAwards.objections.outcomeRequired') }]}
        >
          <Radio.Group
            options={(['upheld', 'dismissed'] as const).map((value) => ({
              value,
              label: tr(`callAwards.objections.outcomes.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="investigation"
          label={tr('callAwards.objections.investigation')}
          rules={[{ required: true, whitespace: true, message: tr('callAwards.objections.textRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item
          name="resolution"
          label={tr('callAwards.objections.resolution')}
          rules={[{ required: true, whitespace: true, message: tr('callAwards.objections.textRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        {outcome === 'upheld' && namesAward && (
          <Form.Item
            name="remedy"
            label={tr('callAwards.objections.remedy', { enterprise: objection.enterpriseName ?? '' })}
            rules={[{ required: true, message: tr('callAwards.objections.remedyRequired') }]}
          >
            <Radio.Group
              options={(['remove', 'reduce'] as const).map((value) => ({
                value,
                label: tr(`callAwards.objections.remedies.${value}`),
              }))}
            />
          </Form.Item>
        )}
        {outcome === 'upheld' && namesAward && remedy === 'reduce' && (
          <Form.Item
            name="limit"
            label={tr('callAwards.objections.limit')}
            extra={tr('callAwards.objections.limitHelp')}
            rules={[
              { required: true, whitespace: true, message: tr('callAwards.amountRequired') },
              { pattern: TYPED_YUAN, message: tr('callAwards.amountInvalid') },
            ]}
          >
            <Input inputMode="decimal" autoComplete="off" suffix={tr('callAwards.yuanUnit')} />
          </Form.Item>
        )}
      </Form>
      {failure && <Alert type="error" showIcon title={failure.message} />}
    </Modal>
  );
}
