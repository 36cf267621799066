// 账户: who is signed in, two-factor enrolment for staff, sign out here or everywhere.
import { Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { allows } from '../../../../shared/authz';
import { t } from '../../../../shared/i18n';
import { useSession } from '../../../api/session';
import { useLocale } from '../../../lib/locale';
import { PageTitle } from '../../page-title';
import { signOut } from './api';
import { TotpCard } from './totp-card';

export default function AccountPage() {
  const { locale, tr } = useLocale();
  const user = useSession().data?.user;
  const [leaving, setLeaving] = useState<'here' | 'everywhere' | null>(null);
  if (!user) return null;
  const leave = (everywhere: boolean) => {
    setLeaving(everywhere ? 'everywhere' : 'here');
    signOut(everywhere).catch(() => setLeaving(null));
  };
  return (
    <>
      <PageTitle>{tr('nav.account')}</PageTitle>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={tr('users.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={tr('users.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={tr('users.role')}>
            {t(locale, `common.roles.${user.role}`)}
          </Descriptions.Item>
          {user.enterpriseName && (
            <Descriptions.Item label={tr('users.enterprise')}>{user.enterpriseName}</Descriptions.Item>
          )}
        </Descriptions>
        {allows(user.role, 'auth.totp') && <TotpCard user={user} />}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{tr('account.sessions')}</h2>}>
          <Space wrap>
            <Link to="/password">{tr('password.title')}</Link>
            <Button onClick={() => leave(false)} loading={leaving === 'here'}>
              {tr('account.logout')}
            </Button>
            <Button danger onClick={() => leave(true)} loading={leaving === 'everywhere'}>
              {tr('account.logoutAll')}
            </Button>
          </Space>
        </Card>
      </Space>
    </>
  );
}
