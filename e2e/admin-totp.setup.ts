// Runs before every spec: the demo administrator has no TOTP yet, so the server lets it in only as far as
// enrolment. It enrols the way a person would (the code computed from the secret shown), then signs in
// again through the TOTP step. The secret is kept for the specs that act as the administrator.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD, saveAdminSecret } from './support/accounts';
import { keepAdminSession } from './support/admin';
import { freshTotpCode } from './support/totp';

test('the administrator is held at TOTP enrolment, enrols, and then signs in with a code', async ({
  page,
}) => {
  await new LoginPage(page).signIn('admin', DEMO_PASSWORD);
  const workspace = new WorkspacePage(page);
  await expect(page).toHaveURL(/\/app\/account$/);
  await expect(page.getByText('您的角色必须启用两步验证后才能使用其他功能。')).toBeVisible();
  await workspace.goto('/users');
  await expect(workspace.heading).toHaveText('请先启用两步验证');
  expect((await page.request.get('/api/admin/users')).status()).toBe(403);

  const secret = await workspace.enrolTotp();
  saveAdminSecret(secret);
  await workspace.goto('/users');
  await expect(workspace.heading).toHaveText('用户管理');

  await workspace.goto('/account');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  const login = new LoginPage(page);
  await login.goto();
  await login.username.fill('admin');
  await login.password.fill(DEMO_PASSWORD);
  await login.submit.click();
  await expect(login.totp).toBeVisible();
  await login.totp.fill(await freshTotpCode(secret));
  await login.submit.click();
  await expect(workspace.currentUser).toBeVisible();
  expect(await workspace.navLabels()).toContain('用户管理');
  await keepAdminSession(page);
});
