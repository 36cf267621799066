// The workspace frame: header (brand, user, language), the role's navigation, main content, footer. On a
// phone the navigation moves from the side into a drawer opened from the header, so nothing is wider than
// the screen.
import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { t } from '../../shared/i18n';
import type { User } from '../api/types';
import { LanguageSwitch } from '../lib/language-switch';
import { useLocale } from '../lib/locale';
import { PageErrorBoundary } from './page-error-boundary';
import { navFor } from './routes';
import { userLabel } from './user-label';

function Navigation({ user, onNavigate }: { user: User; onNavigate?: () => void }) {
  const { tr } = useLocale();
  const location = useLocation();
  const nav = navFor(user.role);
  const selected = nav.find(
    (route) => location.pathname === `/${route.path}` || location.pathname.startsWith(`/${route.path}/`),
  );
  return (
    <nav aria-label={tr('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.path] : []}
        onClick={onNavigate}
        items={nav.map((route) => ({
          key: route.path,
          label: <Link to={`/${route.path}`}>{tr(`nav.${route.nav}`)}</Link>,
        }))}
      />
    </nav>
  );
}

export function WorkspaceLayout({ user }: { user: User }) {
  const { locale, tr } = useLocale();
  const location = useLocation();
  // Before the first measurement every breakpoint is unknown: lay out for a desktop until told otherwise.
  const narrow = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const label = userLabel(user, t(locale, `common.roles.${user.role}`));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {tr('common.skipToContent')}
      </a>
      <Layout.Header className="ws-header">
        {narrow && (
          <Button
            className="ws-menu-button"
            type="text"
            icon={<MenuOutlined />}
            aria-label={tr('nav.open')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <a className="ws-brand" href="/">
          {tr('common.brand')}
        </a>
        <span className="ws-user" data-testid="current-user" title={label}>
          {label}
        </span>
        <LanguageSwitch className="ws-lang" signedIn />
      </Layout.Header>
      <Layout className="ws-body">
        {narrow ? (
          <Drawer
            placement="left"
            size={260}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={tr('common.brand')}
            styles={{ body: { padding: 0 } }}
          >
            <Navigation user={user} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light">
            <Navigation user={user} />
          </Layout.Sider>
        )}
        <Layout className="ws-body">
          <Layout.Content className="ws-main" id="main" tabIndex={-1}>
            <PageErrorBoundary key={location.pathname}>
              <Outlet />
            </PageErrorBoundary>
          </Layout.Content>
          <Layout.Footer className="ws-footer">{tr('common.footer')}</Layout.Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
