// Signing the credit commitment (信用承诺书): the applicant reads it, ticks that it has read and undertakes it,
// types the signer's name and signs.
import { App, Button, Checkbox, Form, Input, Typography } from 'antd';
import { useLocale, useT } from '../../../lib/locale';
import { useSignCommitment } from './api';
import { commitmentWording } from './material-text';
import { CommitmentHeading, WORDING_STYLE } from './signed-commitment';

interface SignValues {
  accepted: boolean;
  signerName: string;
}

export function CommitmentForm({ applicationId }: { applicationId: string }) {
  const tr = useT();
  const { locale } = useLocale();
  const sign = useSignCommitment();
  const { message } = App.useApp();
  return (
    <div>
      <CommitmentHeading level={4} />
      <Typography.Paragraph style={WORDING_STYLE}>{commitmentWording(locale)}</Typography.Paragraph>
      <Form<SignValues>
        layout="vertical"
        initialValues={{ accepted: false, signerName: '' }}
        onFinish={({ signerName }) =>
          sign.mutate(
            { applicationId, signerName: signerName.trim() },
            { onSuccess: () => void message.success(tr('apply.commitment.signed')) },
          )
        }
      >
        <Form.Item
          name="accepted"
          valuePropName="checked"
          rules={[
            {
              validator: (_, accepted: boolean) =>
                accepted
                  ? Promise.resolve()
                  : Promise.reject(new Error(tr('apply.commitment.acceptRequired'))),
            },
          ]}
        >
          <Checkbox>{tr('apply.commitment.accept')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="signerName"
          label={tr('apply.commitment.signerName')}
          rules={[{ required: true, whitespace: true, message: tr('apply.commitment.signerRequired') }]}
          style={{ maxWidth: 320 }}
        >
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={sign.isPending}>
          {tr('apply.commitment.sign')}
        </Button>
      </Form>
    </div>
  );
}
