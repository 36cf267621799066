// TOTP enrolment (two-factor sign-in for staff): set up shows a QR code of the otpauth URL, and the secret
// and the URL themselves, to put into an authenticator app; a current code enables it. Roles that require
// it must enrol and may not disable it.
import { Alert, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import type { User } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { mustEnrolTotp } from '../../two-factor';
import { useTotpChange, useTotpSetup } from './api';

function CodeForm(props: { label: string; submit: string; busy: boolean; onCode: (code: string) => void }) {
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form form={form} layout="inline" onFinish={({ code }) => props.onCode(code.trim())}>
      <Form.Item name="code" label={props.label} rules={[{ required: true, pattern: /^\s*\d{6}\s*$/ }]}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 120 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={props.busy}>
        {props.submit}
      </Button>
    </Form>
  );
}

export function TotpCard({ user }: { user: User }) {
  const tr = useT();
  const setup = useTotpSetup();
  const enable = useTotpChange('enable');
  const disable = useTotpChange('disable');
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('account.totp')}</h2>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {mustEnrolTotp(user) && <Alert type="warning" showIcon title={tr('account.totpRequired')} />}
        {user.totpEnabled ? (
          <>
            <Tag color="success">{tr('account.totpOn')}</Tag>
            {!user.totpRequired && (
              <CodeForm
                label={tr('account.code')}
                submit={tr('account.totpDisable')}
                busy={disable.isPending}
                onCode={(code) => disable.mutate(code)}
              />
            )}
          </>
        ) : (
          <>
            <Typography.Paragraph>{tr('account.totpIntro')}</Typography.Paragraph>
            {!setup.data && (
              <Button onClick={() => setup.mutate()} loading={setup.isPending}>
                {tr('account.totpSetup')}
              </Button>
            )}
            {setup.data && (
              <>
                <Space align="start" wrap size="large">
                  <img
                    src={setup.data.qrCode}
                    alt={tr('account.qrAlt')}
                    width={200}
                    height={200}
                    data-testid="totp-qr"
                  />
                  <Typography.Paragraph style={{ maxWidth: 360 }}>
                    {tr('account.qrHint')}
                  </Typography.Paragraph>
                </Space>
                <Typography.Paragraph>
                  {tr('account.secret')}{' '}
                  <Typography.Text code copyable data-testid="totp-secret">
                    {setup.data.secret}
                  </Typography.Text>
                </Typography.Paragraph>
                <Typography.Paragraph>
                  {tr('account.otpauthUrl')}{' '}
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {setup.data.otpauthUrl}
                  </Typography.Text>
                </Typography.Paragraph>
                <CodeForm
                  label={tr('account.code')}
                  submit={tr('account.totpEnable')}
                  busy={enable.isPending}
                  onCode={(code) => enable.mutate(code)}
                />
              </>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
