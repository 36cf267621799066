// The workspace frame: header (brand, user, language), the role's navigation, main content, footer.
import { Layout, Menu } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { t } from '../../shared/i18n';
import type { User } from '../api/types';
import { LanguageSwitch } from '../lib/language-switch';
import { useLocale } from '../lib/locale';
import { navFor } from './routes';

export function WorkspaceLayout({ user }: { user: User }) {
  const { locale, tr } = useLocale();
  const location = useLocation();
  const nav = navFor(user.role);
  const selected = nav.find(
    (route) => location.pathname === `/${route.path}` || location.pathname.startsWith(`/${route.path}/`),
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {tr('common.skipToContent')}
      </a>
      <Layout.Header className="ws-header">
        <a className="ws-brand" href="/">
          {tr('common.brand')}
        </a>
        <span className="ws-user" data-testid="current-user">
          {user.displayName} · {t(locale, `common.roles.${user.role}`)}
          {user.enterpriseName ? ` · ${user.enterpriseName}` : ''}
        </span>
        <LanguageSwitch className="ws-lang" signedIn />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="md" collapsedWidth={0}>
          <nav aria-label={tr('nav.label')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected.path] : []}
              items={nav.map((route) => ({
                key: route.path,
                label: <Link to={`/${route.path}`}>{tr(`nav.${route.nav}`)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Content className="ws-main" id="main" tabIndex={-1}>
            <Outlet />
          </Layout.Content>
          <Layout.Footer className="ws-footer">{tr('common.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
