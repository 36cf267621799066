// An administrator resets a user's password; the user signs in with the temporary one and is made to choose
// their own before anything else opens.
import { expect, test } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';
import { WorkspacePage } from './pages/workspace-page';
import { signInAsAdmin } from './support/admin';

test('admin resets a password and the user must change it at the next sign-in', async ({ page, browser }) => {
  const username = `reset${Date.now() % 1_000_000}`;
  const users = new UsersPage(page, await signInAsAdmin(page));
  await users.goto();
  await users.createApplicant(username, 'Initial-Pass-For-E2e', '澄屿');
  await expect(users.row(username)).toContainText('广州澄屿软件科技有限公司');
  const temporary = await users.resetPassword(username);

  const context = await browser.newContext();
  try {
    const userPage = await context.newPage();
    await new LoginPage(userPage).signIn(username, temporary);
    const workspace = new WorkspacePage(userPage);
    await expect(workspace.heading).toHaveText('修改密码');
    await expect(userPage.getByText('您的密码由管理员设置')).toBeVisible();

    // Nothing else opens until the password is changed.
    await workspace.goto('/my-enterprise');
    await expect(workspace.heading).toHaveText('修改密码');

    await userPage.getByLabel('当前密码').fill(temporary);
    await userPage.getByLabel('新密码', { exact: true }).fill('Chosen-By-Myself-2026');
    await userPage.getByLabel('确认新密码').fill('Chosen-By-Myself-2026');
    await userPage.getByRole('button', { name: '修改密码' }).click();
    await expect(workspace.heading).toHaveText('我的企业');

    await workspace.goto('/my-enterprise');
    await expect(workspace.heading).toHaveText('我的企业');
  } finally {
    await context.close();
  }
});
