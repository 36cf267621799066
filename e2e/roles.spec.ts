// Each demo role signs in and sees its own workspace navigation — and nothing of the others'.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { WorkspacePage } from './pages/workspace-page';
import { DEMO_PASSWORD } from './support/accounts';
import { signInAsAdmin } from './support/admin';

const REVIEWER_NAV = ['工作台', '企业', '工作日历', '账户'];
const EXPECTED_NAV: Record<string, string[]> = {
  applicant: ['我的企业', '申报', '消息', '账户'],
  intake: ['工作台', '申报受理', '企业', '工作日历', '账户'],
  expert: REVIEWER_NAV,
  approver: REVIEWER_NAV,
  finance: REVIEWER_NAV,
  evaluator: ['工作台', '企业', '规则模拟', '审计日志', '工作日历', '账户'],
};

for (const [username, nav] of Object.entries(EXPECTED_NAV)) {
  test(`${username} signs in and sees its navigation`, async ({ page }) => {
    await new LoginPage(page).signIn(username, DEMO_PASSWORD);
    const workspace = new WorkspacePage(page);
    expect(await workspace.navLabels()).toEqual(nav);
    await expect(workspace.heading).toHaveCount(1);
    await expect(workspace.heading).toHaveText(nav[0] ?? '');
  });
}

test('admin signs in with its TOTP code and sees the administration navigation', async ({ page }) => {
  const workspace = await signInAsAdmin(page);
  await workspace.goto('/');
  expect(await workspace.navLabels()).toEqual([
    '工作台',
    '申报受理',
    '企业',
    '用户管理',
    '程序文件',
    '规则模拟',
    '审计日志',
    '工作日历',
    '账户',
  ]);
  await workspace.goto('/users');
  await expect(workspace.heading).toHaveText('用户管理');
  await expect(page.getByRole('cell', { name: 'applicant', exact: true })).toBeVisible();
});

test('a wrong password is refused in the server’s words and stays on sign-in', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.username.fill('intake');
  await login.password.fill('not-the-password');
  await login.submit.click();
  await expect(login.error).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test('a visitor without a session is sent to sign-in and brought back afterwards', async ({ page }) => {
  await page.goto('/app/enterprises');
  await expect(page).toHaveURL(/\/login\?next=%2Fapp%2Fenterprises$/);
  const login = new LoginPage(page);
  await login.username.fill('intake');
  await login.password.fill(DEMO_PASSWORD);
  await login.submit.click();
  await expect(page).toHaveURL(/\/app\/enterprises$/);
  await expect(new WorkspacePage(page).heading).toHaveText('企业');
});
