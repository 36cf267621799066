// Signs the administrator in. A TOTP code is accepted once per 30-second step (replay protection), so the
// suite keeps the session the setup project opened (e2e/admin-totp.setup.ts) and gives it to each page; only
// when that session has ended does it sign in again, waiting for a step no earlier sign-in has used.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { WorkspacePage } from '../pages/workspace-page';
import { adminSecret, DEMO_PASSWORD } from './accounts';
import { freshTotpCode } from './totp';

function suiteFile(name: string): string {
  const dir = process.env.HUIQI_E2E_DIR;
  if (!dir) throw new Error('HUIQI_E2E_DIR is set by playwright.config.ts');
  return join(dir, name);
}

const stateFile = () => suiteFile('admin-state.json');

/** Keeps the page's signed-in administrator session for the pages that follow. */
export async function keepAdminSession(page: Page): Promise<void> {
  await page.context().storageState({ path: stateFile() });
}

async function reuseSession(page: Page): Promise<boolean> {
  if (!existsSync(stateFile())) return false;
  const state = JSON.parse(readFileSync(stateFile(), 'utf8')) as {
    cookies: Parameters<ReturnType<Page['context']>['addCookies']>[0];
  };
  await page.context().addCookies(state.cookies);
  const session = await page.request.get('/api/session');
  const body = (await session.json()) as { user: { username: string } | null };
  return body.user?.username === 'admin';
}

export async function signInAsAdmin(page: Page): Promise<WorkspacePage> {
  const workspace = new WorkspacePage(page);
  if (await reuseSession(page)) {
    await workspace.goto('/');
    await expect(workspace.currentUser).toBeVisible();
    return workspace;
  }
  const secret = adminSecret();
  if (!secret) throw new Error('the admin has not enrolled TOTP: run with the setup project');
  await page.context().clearCookies();
  const code = await freshTotpCode(secret);
  await new LoginPage(page).signIn('admin', DEMO_PASSWORD, () => code);
  await keepAdminSession(page);
  return workspace;
}
