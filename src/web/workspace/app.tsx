// The workspace shell: antd in the user's language, the API error funnel on antd's message, the session
// gate (no session → sign-in), and the routes of the role.
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Result, Spin, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { allows } from '../../shared/authz';
import { setErrorNotifier } from '../api/client';
import { createQueryClient } from '../api/query';
import { useSession } from '../api/session';
import type { User } from '../api/types';
import { LocaleProvider, useLocale } from '../lib/locale';
import { signInUrl } from '../lib/redirect';
import { WorkspaceLayout } from './layout';
import { EnrolTotpNotice, Forbidden, NotFound } from './results';
import { landingPathFor, ROUTES, type WorkspaceRoute } from './routes';
import { mustEnrolTotp } from './two-factor';

// antd's default blue, green, red and orange fall below WCAG AA's 4.5:1 for text on white or on their own
// light backgrounds (links, selected menu items, status tags, danger buttons); these darker shades pass.
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorError: '#cf1322',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fff7e6',
    colorWarningBorder: '#ffd591',
    // Hints and secondary text: antd's grey reaches only 3.4:1 on white.
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    // Placeholders of selects and date pickers are text axe measures: antd's 0.25 alpha gives 1.9:1.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
  },
};

function ErrorFunnel() {
  const { message } = AntApp.useApp();
  const { tr } = useLocale();
  useEffect(
    () => setErrorNotifier((error) => void message.error(error.message), tr('common.networkError')),
    [message, tr],
  );
  return null;
}

function Guarded({ route, user }: { route: WorkspaceRoute; user: User }) {
  // The server answers PASSWORD_CHANGE_REQUIRED to everything else until a reset password is replaced.
  if (user.mustChangePassword && route.path !== 'password') return <Navigate to="/password" replace />;
  if (mustEnrolTotp(user) && route.path !== 'account') return <EnrolTotpNotice />;
  if (!allows(user.role, route.action)) return <Forbidden />;
  const Page = route.page;
  return <Page />;
}

function SessionGate({ children }: { children: (user: User) => ReactNode }) {
  const { tr } = useLocale();
  const session = useSession();
  const user = session.data?.user;
  useEffect(() => {
    if (session.isSuccess && !user) window.location.assign(signInUrl(window.location));
  }, [session.isSuccess, user]);
  if (session.isError) {
    return (
      <Result
        status="error"
        title={tr('common.loadFailed')}
        extra={<Button onClick={() => void session.refetch()}>{tr('common.retry')}</Button>}
      />
    );
  }
  if (!user) return <Spin fullscreen />;
  return <>{children(user)}</>;
}

function Shell() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === 'en-US' ? enUS : zhCN}
      theme={THEME}
      // A space inside two-character Chinese button labels would also split their accessible names.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <ErrorFunnel />
        <SessionGate>
          {(user) => (
            <BrowserRouter basename="/app">
              <Routes>
                <Route element={<WorkspaceLayout user={user} />}>
                  <Route index element={<Navigate to={landingPathFor(user)} replace />} />
                  {ROUTES.map((route) => (
                    <Route
                      key={route.path}
                      path={route.path}
                      element={
                        <Suspense fallback={<Spin />}>
                          <Guarded route={route} user={user} />
                        </Suspense>
                      }
                    />
                  ))}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </BrowserRouter>
          )}
        </SessionGate>
      </AntApp>
    </ConfigProvider>
  );
}

export function WorkspaceApp() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <Shell />
      </LocaleProvider>
    </QueryClientProvider>
  );
}
