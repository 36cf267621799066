// 修改密码: any signed-in user changes their own password with the current one. After an administrator's
// reset it is the only page the workspace opens until the user has chosen a password of their own.
import { Alert, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client';
import { useSession } from '../../../api/session';
import type { ChangePasswordBody } from '../../../api/types';
import { useT } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { useChangePassword } from './api';

type Values = ChangePasswordBody & { confirm: string };

export default function ChangePasswordPage() {
  const tr = useT();
  const navigate = useNavigate();
  const user = useSession().data?.user;
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const failure = change.error instanceof ApiError ? change.error : null;
  const fieldOf = (path: string) => failure?.details.find((d) => d.path === path)?.message;
  const generalError =
    failure && !fieldOf('currentPassword') && !fieldOf('newPassword') ? failure.message : null;
  return (
    <>
      <PageTitle>{tr('password.title')}</PageTitle>
      <Card style={{ maxWidth: 520 }}>
        {user?.mustChangePassword && (
          <Alert type="warning" showIcon title={tr('password.mustChange')} style={{ marginBottom: 16 }} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={({ currentPassword, newPassword }) =>
            change.mutate(
              { currentPassword, newPassword },
              { onSuccess: () => navigate('/', { replace: true }) },
            )
          }
        >
          <Form.Item
            name="currentPassword"
            label={tr('password.current')}
            rules={[{ required: true, message: tr('register.errors.required') }]}
            {...(fieldOf('currentPassword')
              ? { validateStatus: 'error' as const, help: fieldOf('currentPassword') }
              : {})}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={tr('password.new')}
            extra={tr('register.passwordHint')}
            rules={[{ required: true, message: tr('register.errors.required') }]}
            {...(fieldOf('newPassword')
              ? { validateStatus: 'error' as const, help: fieldOf('newPassword') }
              : {})}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={tr('password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: tr('register.errors.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(tr('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {generalError && (
            <Alert type="error" showIcon title={generalError} style={{ marginBottom: 16 }} role="alert" />
          )}
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {tr('password.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
