// Signs the administrator in with the TOTP secret the setup project enrolled (e2e/admin-totp.setup.ts).
import type { Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { WorkspacePage } from '../pages/workspace-page';
import { adminSecret, DEMO_PASSWORD } from './accounts';
import { totpCode } from './totp';

export async function signInAsAdmin(page: Page): Promise<WorkspacePage> {
  const secret = adminSecret();
  if (!secret) throw new Error('the admin has not enrolled TOTP: run with the setup project');
  await new LoginPage(page).signIn('admin', DEMO_PASSWORD, () => totpCode(secret));
  return new WorkspacePage(page);
}
