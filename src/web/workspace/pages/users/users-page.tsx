// 用户管理: every user with role, TOTP and lock state; create a user, disable one, unlock a locked one.
import { Button, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { t } from '../../../../shared/i18n';
import type { AdminUser } from '../../../api/types';
import { useLocale } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { useUserAction, useUsers } from './api';
import { CreateUserForm } from './create-user-form';

export default function UsersPage() {
  const { locale, tr } = useLocale();
  const users = useUsers();
  const disable = useUserAction('disable');
  const unlock = useUserAction('unlock');
  const [creating, setCreating] = useState(false);
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
                {!user.disabled && !user.lockedUntil && <Tag>{tr('users.active')}</Tag>}
              </Space>
            ),
          },
          {
            title: tr('users.actions'),
            key: 'actions',
            render: (_, user) => (
              <Space>
                {!user.disabled && (
                  <Popconfirm
                    title={tr('users.confirmDisable', { name: user.username })}
                    onConfirm={() => disable.mutate(user.id)}
                  >
                    <Button size="small" danger>
                      {tr('users.disable')}
                    </Button>
                  </Popconfirm>
                )}
                {user.lockedUntil && (
                  <Button size="small" onClick={() => unlock.mutate(user.id)}>
                    {tr('users.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
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
