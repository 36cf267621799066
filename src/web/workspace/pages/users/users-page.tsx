// 用户管理: every user with role, TOTP and lock state; create a user, disable or re-enable one, unlock a locked
// one, change a staff user's role, reset a password. The administrator's own row offers none of these: the
// server refuses them (the same row policy), and its own password changes on the account page.
import { Button, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { t } from '../../../../shared/i18n';
import { can } from '../../../../shared/policies';
import { useSession } from '../../../api/session';
import type { AdminUser } from '../../../api/types';
import { useLocale } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { useUserAction, useUsers } from './api';
import { CreateUserForm } from './create-user-form';
import { ChangeRoleDialog, ResetPasswordDialog } from './user-dialogs';

export default function UsersPage() {
  const { locale, tr } = useLocale();
  const users = useUsers();
  const disable = useUserAction('disable');
  const unlock = useUserAction('unlock');
  const enable = useUserAction('enable');
  const me = useSession().data?.user;
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<{ kind: 'role' | 'reset'; user: AdminUser } | null>(null);
  const manageable = (user: AdminUser) =>
    !!me &&
    can({ kind: 'user', id: me.id, role: me.role, enterpriseId: me.enterpriseId }, 'user.manage', {
      userId: user.id,
    });
  return (
    <>
      <PageTitle>{tr('nav.users')}</PageTitle>
      <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 16 }}>
        {tr('users.create')}
      </Button>
      <Table<AdminUser>
        rowKey="id"
        loading={users.isPending}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: tr('users.username'), dataIndex: 'username' },
          { title: tr('users.displayName'), dataIndex: 'displayName' },
          {
            title: tr('users.role'),
            dataIndex: 'role',
            render: (role: string) => t(locale, `common.roles.${role}`),
          },
          {
            title: tr('users.enterprise'),
            dataIndex: 'enterpriseName',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: tr('users.state'),
            key: 'state',
            render: (_, user) => (
              <Space size={4} wrap>
                {user.disabled && <Tag color="error">{tr('users.disabled')}</Tag>}
                {user.lockedUntil && <Tag color="warning">{tr('users.locked')}</Tag>}
                {user.totpEnabled && <Tag color="success">TOTP</Tag>}
                {user.mustChangePassword && <Tag color="blue">{tr('users.mustChange')}</Tag>}
                {!user.disabled && !user.lockedUntil && <Tag>{tr('users.active')}</Tag>}
              </Space>
            ),
          },
          {
            title: tr('users.actions'),
            key: 'actions',
            render: (_, user) =>
              manageable(user) ? (
                <Space wrap size={4}>
                  {user.disabled ? (
                    <Popconfirm
                      title={tr('users.confirmEnable', { name: user.username })}
                      onConfirm={() => enable.mutate(user.id)}
                    >
                      <Button size="small">{tr('users.enable')}</Button>
                    </Popconfirm>
                  ) : (
                    <Popconfirm
                      title={tr('users.confirmDisable', { name: user.username })}
                      onConfirm={() => disable.mutate(user.id)}
                    >
                      <Button size="small" danger>
                        {tr('users.disable')}
                      </Button>
                    </Popconfirm>
                  )}
                  {user.role !== 'applicant' && (
                    <Button size="small" onClick={() => setDialog({ kind: 'role', user })}>
                      {tr('users.changeRole')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => setDialog({ kind: 'reset', user })}>
                    {tr('users.resetPassword')}
                  </Button>
                  {user.lockedUntil && (
                    <Button size="small" onClick={() => unlock.mutate(user.id)}>
                      {tr('users.unlock')}
                    </Button>
                  )}
                </Space>
              ) : (
                <Typography.Text type="secondary">{tr('users.yourself')}</Typography.Text>
              ),
          },
        ]}
      />
      {dialog?.kind === 'role' && <ChangeRoleDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
      <Modal
        mask={{ closable: false }}
        open={creating}
        title={tr('users.create')}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <CreateUserForm onDone={() => setCreating(false)} />
      </Modal>
    </>
  );
}
