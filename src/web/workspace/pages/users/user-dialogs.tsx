// The confirmations of the users page: a new role for a staff user, and a password reset that either lets
// the system make a temporary password (shown once, here) or takes one the administrator types.
import { Alert, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../../shared/i18n';
import { type Role, STAFF_ROLES } from '../../../../shared/roles';
import type { AdminUser } from '../../../api/types';
import { useLocale } from '../../../lib/locale';
import { useChangeRole, useResetPassword } from './api';

export function ChangeRoleDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { locale, tr } = useLocale();
  const [role, setRole] = useState<Role>(user.role);
  const change = useChangeRole();
  return (
    <Modal
      mask={{ closable: false }}
      open
      title={tr('users.changeRoleTitle', { name: user.username })}
      okText={tr('users.changeRoleConfirm')}
      okButtonProps={{ disabled: role === user.role, loading: change.isPending }}
      onOk={() => change.mutate({ id: user.id, role }, { onSuccess: onClose })}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{tr('users.changeRoleHint')}</Typography.Paragraph>
      <Select<Role>
        aria-label={tr('users.role')}
        style={{ width: '100%' }}
        value={role}
        onChange={setRole}
        options={STAFF_ROLES.map((r) => ({ value: r, label: t(locale, `common.roles.${r}`) }))}
      />
    </Modal>
  );
}

export function ResetPasswordDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { tr } = useLocale();
  const [mode, setMode] = useState<'generate' | 'type'>('generate');
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const shown = reset.data?.temporaryPassword;
  if (reset.isSuccess) {
    return (
      <Modal
        mask={{ closable: false }}
        open
        title={tr('users.resetDone', { name: user.username })}
        footer={<Button onClick={onClose}>{tr('users.close')}</Button>}
        onCancel={onClose}
        destroyOnHidden
      >
        {shown && (
          <Typography.Paragraph>
            {tr('users.temporaryPassword')}{' '}
            <Typography.Text code copyable data-testid="temporary-password">
              {shown}
            </Typography.Text>
          </Typography.Paragraph>
        )}
        <Alert type="info" showIcon title={shown ? tr('users.temporaryOnce') : tr('users.resetTypedDone')} />
      </Modal>
    );
  }
  const submit = (password?: string) =>
    reset.mutate({ id: user.id, body: password === undefined ? {} : { password } });
  return (
    <Modal
      mask={{ closable: false }}
      open
      title={tr('users.resetTitle', { name: user.username })}
      okText={tr('users.resetConfirm')}
      okButtonProps={{ danger: true, loading: reset.isPending }}
      onOk={() => (mode === 'generate' ? submit() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{tr('users.resetHint')}</Typography.Paragraph>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 16 }}>
        <Radio value="generate">{tr('users.resetGenerate')}</Radio>
        <Radio value="type">{tr('users.resetType')}</Radio>
      </Radio.Group>
      {mode === 'type' && (
        <Form form={form} layout="vertical" onFinish={({ password }) => submit(password)}>
          <Form.Item
            name="password"
            label={tr('users.newPassword')}
            extra={tr('register.passwordHint')}
            rules={[{ required: true }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
