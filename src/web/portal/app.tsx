// The portal's providers and routes: home, program detail, publicity lists, sign-in and self-registration.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { setErrorNotifier } from '../api/client';
import { createQueryClient } from '../api/query';
import { LocaleProvider, useLocale } from '../lib/locale';
import { PortalLayout } from './layout';
import { HomePage } from './pages/home';
import { LoginPage } from './pages/login';
import { NotFoundPage } from './pages/not-found';
import { ObjectionPage } from './pages/objection';
import { ProgramPage } from './pages/program';
import { PublicityPage } from './pages/publicity';
import { RegisterPage } from './pages/register';
import { SignedOutOnly } from './signed-out-only';
import { pushToast } from './toasts';

function ErrorFunnel() {
  const { tr } = useLocale();
  useEffect(() => setErrorNotifier((error) => pushToast(error.message), tr('common.networkError')), [tr]);
  return null;
}

export function PortalApp() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <ErrorFunnel />
        <BrowserRouter>
          <Routes>
            <Route element={<PortalLayout />}>
              <Route index element={<HomePage />} />
              <Route path="programs/:code" element={<ProgramPage />} />
              <Route path="publicity" element={<PublicityPage />} />
              <Route path="publicity/:id/objection" element={<ObjectionPage />} />
              <Route
                path="login"
                element={
                  <SignedOutOnly>
                    <LoginPage />
                  </SignedOutOnly>
                }
              />
              <Route
                path="register"
                element={
                  <SignedOutOnly>
                    <RegisterPage />
                  </SignedOutOnly>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
